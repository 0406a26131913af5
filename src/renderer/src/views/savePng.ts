/** Saves what a view shows as a PNG file through a download link (canvas or SVG chart). */

const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'opacity',
  'font-size',
  'font-family',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
];

function download(blob: Blob | null, name: string): void {
  if (!blob) return;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${name}.png`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The file name a person recognises: the view and the time. */
export const fileName = (view: string) =>
  `${view}-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}`;

/** Saves a canvas at its own resolution. */
export function saveCanvas(canvas: HTMLCanvasElement, name: string): void {
  canvas.toBlob((blob) => download(blob, name), 'image/png');
}

/**
 * Saves an SVG chart: its colours come from the theme's CSS, which a standalone SVG does not
 * have, so each element's computed style is copied onto the copy before it is drawn.
 */
export async function saveSvg(svg: SVGSVGElement, name: string, scale = 2): Promise<void> {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...svg.querySelectorAll('*')];
  const to = [copy, ...copy.querySelectorAll('*')];
  from.forEach((element, i) => {
    const style = getComputedStyle(element);
    const target = to[i] as SVGElement;
    target.setAttribute(
      'style',
      STYLE_PROPS.map((p) => `${p}:${style.getPropertyValue(p)}`).join(';'),
    );
  });
  const { width, height } = svg.getBoundingClientRect();
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  const text = new XMLSerializer().serializeToString(copy);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    await new Promise((resolve, reject) => {
      image.onload = resolve;
      image.onerror = reject;
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const context = canvas.getContext('2d');
    if (!context) return;
    context.fillStyle = getComputedStyle(document.documentElement).getPropertyValue('--bg-panel');
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    saveCanvas(canvas, name);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves the first chart or picture inside a panel: its SVG chart, else its largest canvas. */
export function savePanel(panel: HTMLElement, view: string): void {
  const svg = panel.querySelector('svg.savable, svg[data-savable]');
  if (svg instanceof SVGSVGElement) {
    void saveSvg(svg, fileName(view));
    return;
  }
  const target = panel.querySelector('canvas[data-save-target]');
  if (target instanceof HTMLCanvasElement) {
    saveCanvas(target, fileName(view));
    return;
  }
  const canvases = [...panel.querySelectorAll('canvas')];
  const largest = canvases.sort((a, b) => b.width * b.height - a.width * a.height)[0];
  if (largest) saveCanvas(largest, fileName(view));
}
