import { labelRgb } from './labelColors';
import { tileOrigin, type SpriteAtlas } from './spriteAtlas';
import type { ViewTransform } from './viewTransform';

/** Everything one frame of the sprite scatter needs, in the unzoomed frame's pixels. */
export interface SceneFrame {
  width: number;
  height: number;
  /** Each point's pixel in the unzoomed frame, x and y after each other. */
  pixels: Float32Array;
  count: number;
  labels: Int32Array | null;
  atlas: { image: CanvasImageSource; layout: SpriteAtlas } | null;
  /** 1 where a point is selected; null when nothing is. */
  selected: Uint8Array | null;
  axes: [string, string];
  /** Axis lines through the data origin, in frame pixels (null when 0 is off the plot). */
  origin: [number | null, number | null];
  /** The Lab's drawn code: where it lands and, for a VAE, its ellipse radii in frame pixels. */
  drawn: { at: [number, number]; radii: [number, number] | null } | null;
  /** A lasso or box being drawn, in screen pixels. */
  draft: number[] | null;
}

const colours = new Map<number, string>();
const colourOf = (label: number) => {
  let c = colours.get(label);
  if (!c) {
    const [r, g, b] = labelRgb(label);
    c = `rgb(${r},${g},${b})`;
    colours.set(label, c);
  }
  return c;
};

/** The side of a thumbnail on screen: grows with the zoom, slower than it, so crowds thin out. */
export const thumbSide = (k: number) => Math.round(Math.min(64, 11 * Math.pow(k, 0.6)));

/** Draws one frame: the plane, the points or their thumbnails, the selection and the drafts. */
export function drawScene(g: CanvasRenderingContext2D, s: SceneFrame, v: ViewTransform): void {
  g.fillStyle = '#10141c';
  g.fillRect(0, 0, s.width, s.height);
  g.strokeStyle = 'rgba(170,178,195,0.18)';
  g.lineWidth = 1;
  const [ox, oy] = s.origin;
  if (ox !== null) strokeLine(g, v.k * ox + v.tx, 0, v.k * ox + v.tx, s.height);
  if (oy !== null) strokeLine(g, 0, v.k * oy + v.ty, s.width, v.k * oy + v.ty);
  const side = s.atlas ? thumbSide(v.k) : 4;
  const half = side / 2;
  const { pixels, selected, labels } = s;
  // Two passes when some are selected: the others faint underneath, the chosen on top.
  for (let pass = selected ? 0 : 1; pass < 2; pass++) {
    g.globalAlpha = pass === 0 ? 0.22 : s.atlas ? 1 : 0.85;
    for (let i = 0; i < s.count; i++) {
      if (selected && (selected[i] === 1) !== (pass === 1)) continue;
      const x = v.k * pixels[i * 2] + v.tx;
      const y = v.k * pixels[i * 2 + 1] + v.ty;
      // Off-screen points cost nothing: a zoomed view draws only what it shows.
      if (!(x > -half && y > -half && x < s.width + half && y < s.height + half)) continue;
      if (s.atlas) {
        const [sx, sy] = tileOrigin(s.atlas.layout, i);
        const { tileWidth: tw, tileHeight: th } = s.atlas.layout;
        g.drawImage(s.atlas.image, sx, sy, tw, th, x - half, y - half, side, side);
      } else {
        g.fillStyle = colourOf(labels ? labels[i] : -1);
        g.fillRect(x - 2, y - 2, 4, 4);
      }
    }
  }
  g.globalAlpha = 1;
  if (selected && s.atlas) outlineSelected(g, s, v, side);
  if (s.drawn) drawDrawn(g, s.drawn, v);
  if (s.draft) drawDraft(g, s.draft);
  g.fillStyle = 'rgba(170,178,195,0.75)';
  g.font = '11px system-ui, sans-serif';
  g.textAlign = 'right';
  g.fillText(s.axes[0], s.width - 6, s.height - 6);
  g.save();
  g.translate(12, 6);
  g.rotate(Math.PI / 2);
  g.textAlign = 'left';
  g.fillText(s.axes[1], 0, 0);
  g.restore();
}

function outlineSelected(
  g: CanvasRenderingContext2D,
  s: SceneFrame,
  v: ViewTransform,
  side: number,
) {
  g.strokeStyle = 'rgba(255,255,255,0.55)';
  g.lineWidth = 1;
  g.beginPath();
  for (let i = 0; i < s.count; i++) {
    if (!s.selected?.[i]) continue;
    const x = v.k * s.pixels[i * 2] + v.tx;
    const y = v.k * s.pixels[i * 2 + 1] + v.ty;
    g.rect(x - side / 2 - 0.5, y - side / 2 - 0.5, side + 1, side + 1);
  }
  g.stroke();
}

function drawDrawn(
  g: CanvasRenderingContext2D,
  drawn: NonNullable<SceneFrame['drawn']>,
  v: ViewTransform,
) {
  const x = v.k * drawn.at[0] + v.tx;
  const y = v.k * drawn.at[1] + v.ty;
  if (drawn.radii) {
    g.fillStyle = 'rgba(255,255,255,0.12)';
    g.strokeStyle = 'rgba(255,255,255,0.8)';
    g.setLineDash([4, 3]);
    g.beginPath();
    g.ellipse(
      x,
      y,
      Math.max(2, drawn.radii[0] * v.k),
      Math.max(2, drawn.radii[1] * v.k),
      0,
      0,
      Math.PI * 2,
    );
    g.fill();
    g.stroke();
    g.setLineDash([]);
  }
  g.fillStyle = '#ffffff';
  g.strokeStyle = '#10141c';
  g.lineWidth = 2;
  g.beginPath();
  // A star: it must not be mistaken for a data point.
  for (let p = 0; p < 10; p++) {
    const r = p % 2 === 0 ? 9 : 4;
    const a = -Math.PI / 2 + (p * Math.PI) / 5;
    g.lineTo(x + r * Math.cos(a), y + r * Math.sin(a));
  }
  g.closePath();
  g.stroke();
  g.fill();
}

export function drawDraft(g: CanvasRenderingContext2D, draft: number[]) {
  g.strokeStyle = '#ffffff';
  g.fillStyle = 'rgba(255,255,255,0.08)';
  g.lineWidth = 1.5;
  g.setLineDash([5, 4]);
  g.beginPath();
  for (let i = 0; i < draft.length; i += 2) g.lineTo(draft[i], draft[i + 1]);
  g.closePath();
  g.fill();
  g.stroke();
  g.setLineDash([]);
}

function strokeLine(g: CanvasRenderingContext2D, x0: number, y0: number, x1: number, y1: number) {
  g.beginPath();
  g.moveTo(x0, y0);
  g.lineTo(x1, y1);
  g.stroke();
}
