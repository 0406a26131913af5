import { useEffect, useRef, type PointerEvent as ReactPointerEvent } from 'react';
import { labelRgb, labelsPresent } from './labelColors';
import { toPixel, type PlaneFrame } from './planeFrame';
import './ScatterCanvas.css';

interface Props {
  frame: PlaneFrame;
  xy: Float32Array;
  count: number;
  labels: Int32Array | null;
  axes: [string, string];
  testId: string;
  /** A point to mark (the latent plane's cursor), in data values. */
  marker?: [number, number] | null;
  /** The Lab's drawn code (data values) and its 2-sd ellipse radii for a VAE. */
  drawn?: { at: [number, number]; radii: [number, number] | null } | null;
  /** Dims the points, so a marker or a decoded image stands out. */
  faint?: boolean;
  onPointerDown?(e: ReactPointerEvent<HTMLCanvasElement>): void;
  onPointerMove?(e: ReactPointerEvent<HTMLCanvasElement>): void;
  onPointerUp?(e: ReactPointerEvent<HTMLCanvasElement>): void;
  onPointerLeave?(e: ReactPointerEvent<HTMLCanvasElement>): void;
  canvasRef?: React.RefObject<HTMLCanvasElement | null>;
}

/** Points coloured by label on a canvas: 2,000 of them redraw in a few milliseconds. */
export function ScatterCanvas(props: Props) {
  const { frame, xy, count, labels, axes, testId, marker, faint, drawn } = props;
  const own = useRef<HTMLCanvasElement>(null);
  const ref = props.canvasRef ?? own;
  const ratio = typeof window === 'undefined' ? 1 : Math.min(2, window.devicePixelRatio || 1);

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    canvas.width = Math.round(frame.width * ratio);
    canvas.height = Math.round(frame.height * ratio);
    const g = canvas.getContext('2d');
    if (!g) return;
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    drawScatter(g, frame, xy, count, labels, axes, faint ?? false);
    if (drawn) drawDrawnMark(g, frame, drawn);
    if (marker) drawMarker(g, frame, marker);
  }, [ref, frame, xy, count, labels, axes, marker, faint, drawn, ratio]);

  const present = labels ? labelsPresent(labels, count) : [];
  return (
    <canvas
      ref={ref}
      className="scatter-canvas"
      data-testid={testId}
      data-points={count}
      data-labels={present.join(',')}
      data-drawn={drawn ? 'on' : 'off'}
      style={{ width: frame.width, height: frame.height }}
      role="img"
      aria-label={`${count} codes on the plane of ${axes[0]} and ${axes[1]}`}
      onPointerDown={props.onPointerDown}
      onPointerMove={props.onPointerMove}
      onPointerUp={props.onPointerUp}
      onPointerLeave={props.onPointerLeave}
    />
  );
}

function drawScatter(
  g: CanvasRenderingContext2D,
  frame: PlaneFrame,
  xy: Float32Array,
  count: number,
  labels: Int32Array | null,
  axes: [string, string],
  faint: boolean,
) {
  g.fillStyle = '#10141c';
  g.fillRect(0, 0, frame.width, frame.height);
  g.strokeStyle = 'rgba(170,178,195,0.18)';
  g.lineWidth = 1;
  const { x0, x1, y0, y1 } = frame.extent;
  if (x0 < 0 && x1 > 0) line(g, toPixel(frame, 0, y0), toPixel(frame, 0, y1));
  if (y0 < 0 && y1 > 0) line(g, toPixel(frame, x0, 0), toPixel(frame, x1, 0));
  g.globalAlpha = faint ? 0.45 : 0.8;
  for (let i = 0; i < count; i++) {
    const [px, py] = toPixel(frame, xy[i * 2], xy[i * 2 + 1]);
    if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
    const [r, gr, b] = labelRgb(labels ? labels[i] : -1);
    g.fillStyle = `rgb(${r},${gr},${b})`;
    g.fillRect(px - 2, py - 2, 4, 4);
  }
  g.globalAlpha = 1;
  g.fillStyle = 'rgba(170,178,195,0.75)';
  g.font = '11px system-ui, sans-serif';
  g.textAlign = 'right';
  g.fillText(axes[0], frame.width - 6, frame.height - 6);
  g.save();
  g.translate(12, 6);
  g.rotate(Math.PI / 2);
  g.textAlign = 'left';
  g.fillText(axes[1], 0, 0);
  g.restore();
}

function line(g: CanvasRenderingContext2D, a: [number, number], b: [number, number]) {
  g.beginPath();
  g.moveTo(a[0], a[1]);
  g.lineTo(b[0], b[1]);
  g.stroke();
}

function drawMarker(g: CanvasRenderingContext2D, frame: PlaneFrame, marker: [number, number]) {
  const [px, py] = toPixel(frame, marker[0], marker[1]);
  g.strokeStyle = '#ffffff';
  g.lineWidth = 1.5;
  g.beginPath();
  g.arc(px, py, 7, 0, Math.PI * 2);
  g.stroke();
  line(g, [px - 12, py], [px - 4, py]);
  line(g, [px + 4, py], [px + 12, py]);
  line(g, [px, py - 12], [px, py - 4]);
  line(g, [px, py + 4], [px, py + 12]);
}

/** The drawn code as a white star, with its variance ellipse (data units) when known. */
function drawDrawnMark(
  g: CanvasRenderingContext2D,
  frame: PlaneFrame,
  drawn: NonNullable<Props['drawn']>,
) {
  const [px, py] = toPixel(frame, drawn.at[0], drawn.at[1]);
  if (drawn.radii) {
    const { x0, x1, y0, y1 } = frame.extent;
    const rx = (drawn.radii[0] / (x1 - x0)) * (frame.width - 2 * frame.pad);
    const ry = (drawn.radii[1] / (y1 - y0)) * (frame.height - 2 * frame.pad);
    g.fillStyle = 'rgba(255,255,255,0.12)';
    g.strokeStyle = 'rgba(255,255,255,0.8)';
    g.setLineDash([4, 3]);
    g.beginPath();
    g.ellipse(px, py, Math.max(2, rx), Math.max(2, ry), 0, 0, Math.PI * 2);
    g.fill();
    g.stroke();
    g.setLineDash([]);
  }
  g.fillStyle = '#ffffff';
  g.beginPath();
  for (let p = 0; p < 10; p++) {
    const r = p % 2 === 0 ? 9 : 4;
    const a = -Math.PI / 2 + (p * Math.PI) / 5;
    g.lineTo(px + r * Math.cos(a), py + r * Math.sin(a));
  }
  g.closePath();
  g.fill();
}

/** The legend under a scatter: one swatch per label. */
export function LabelLegend({ labels }: { labels: readonly number[] }) {
  return (
    <div className="label-legend" data-testid="scatter-legend">
      {labels.map((l) => {
        const [r, g, b] = labelRgb(l);
        return (
          <span
            key={l}
            className="legend-item"
            style={{ ['--swatch' as string]: `rgb(${r},${g},${b})` }}
          >
            {l}
          </span>
        );
      })}
    </div>
  );
}
