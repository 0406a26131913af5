import { useEffect, useMemo, useRef, type PointerEvent as ReactPointerEvent } from 'react';
import { selectInPolygon } from '../../../shared/latent/selection';
import { recordForBench } from '../views/benchHooks';
import { drawDraft, drawScene, thumbSide, type SceneFrame } from './drawSprites';
import type { ScatterTool } from './inspectStore';
import { labelsPresent } from './labelColors';
import { toPixel, type PlaneFrame } from './planeFrame';
import type { SpriteAtlas } from './spriteAtlas';
import { apply, IDENTITY, invert, panBy, zoomAt, type ViewTransform } from './viewTransform';
import './ScatterCanvas.css';

interface Props {
  frame: PlaneFrame;
  xy: Float32Array;
  count: number;
  labels: Int32Array | null;
  axes: [string, string];
  testId: string;
  /** Thumbnails to draw on the points, or null for coloured dots. */
  atlas: SpriteAtlas | null;
  selection: Int32Array | null;
  tool: ScatterTool;
  onSelect(indices: Int32Array | null): void;
  onHover(hover: { index: number; x: number; y: number } | null): void;
  /** The Lab's drawn code on this plane (data values) and its ellipse radii, if any. */
  drawn?: { at: [number, number]; radii: [number, number] | null } | null;
}

/**
 * The scatter as a sprite layer: every point a dot or its thumbnail, blitted from one atlas onto
 * a canvas. Wheel zooms about the cursor, the pan tool drags, box and lasso select; the view
 * moves without a React render, one canvas draw per animation frame.
 */
export function SpriteScatter(props: Props) {
  const { frame, xy, count, labels, axes, testId, atlas, selection, tool, drawn } = props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const view = useRef<ViewTransform>(IDENTITY);
  const draft = useRef<number[] | null>(null);
  const pending = useRef(0);
  const ratio = typeof window === 'undefined' ? 1 : Math.min(2, window.devicePixelRatio || 1);

  const pixels = useMemo(() => {
    const out = new Float32Array(count * 2);
    for (let i = 0; i < count; i++) {
      const [px, py] = toPixel(frame, xy[i * 2], xy[i * 2 + 1]);
      out[i * 2] = px;
      out[i * 2 + 1] = py;
    }
    return out;
  }, [frame, xy, count]);
  const atlasImage = useMemo(() => {
    if (!atlas || typeof document === 'undefined') return null;
    const canvas = document.createElement('canvas');
    canvas.width = atlas.width;
    canvas.height = atlas.height;
    canvas
      .getContext('2d')
      ?.putImageData(new ImageData(atlas.rgba, atlas.width, atlas.height), 0, 0);
    return { image: canvas, layout: atlas };
  }, [atlas]);
  const selected = useMemo(() => {
    if (!selection) return null;
    const mask = new Uint8Array(count);
    for (const i of selection) if (i < count) mask[i] = 1;
    return mask;
  }, [selection, count]);

  const scene = useRef<SceneFrame | null>(null);
  const { x0, x1, y0, y1 } = frame.extent;
  scene.current = {
    width: frame.width,
    height: frame.height,
    pixels,
    count,
    labels,
    atlas: atlasImage,
    selected,
    axes,
    origin: [
      x0 < 0 && x1 > 0 ? toPixel(frame, 0, 0)[0] : null,
      y0 < 0 && y1 > 0 ? toPixel(frame, 0, 0)[1] : null,
    ],
    drawn: drawn
      ? { at: toPixel(frame, drawn.at[0], drawn.at[1]), radii: drawnRadii(frame, drawn.radii) }
      : null,
    draft: null,
  };

  // The last full drawing and the view it was drawn at. While the view moves, frames scale and
  // shift this picture (one blit); the full drawing follows when the hand rests. 10,000
  // thumbnails took hundreds of milliseconds per full frame on this machine under load, one
  // blit well under one.
  const cache = useRef<{ canvas: HTMLCanvasElement; view: ViewTransform } | null>(null);
  const settle = useRef(0);
  const draw = (full = true) => {
    pending.current = 0;
    const canvas = canvasRef.current;
    const s = scene.current;
    const g = canvas?.getContext('2d');
    if (!canvas || !s || !g) return;
    const started = performance.now();
    const v = view.current;
    const c = cache.current;
    if (!full && c && c.canvas.width === canvas.width && c.canvas.height === canvas.height) {
      const r = v.k / c.view.k;
      g.setTransform(ratio, 0, 0, ratio, 0, 0);
      g.fillStyle = '#10141c';
      g.fillRect(0, 0, s.width, s.height);
      g.setTransform(
        ratio * r,
        0,
        0,
        ratio * r,
        ratio * (v.tx - r * c.view.tx),
        ratio * (v.ty - r * c.view.ty),
      );
      g.imageSmoothingEnabled = true;
      g.drawImage(c.canvas, 0, 0, c.canvas.width, c.canvas.height, 0, 0, s.width, s.height);
      g.setTransform(ratio, 0, 0, ratio, 0, 0);
      if (draft.current) drawDraft(g, draft.current);
      recordForBench('scatterFrame', performance.now() - started);
      return;
    }
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.imageSmoothingEnabled = false;
    drawScene(g, { ...s, draft: null }, v);
    const copy = c?.canvas ?? document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    copy.getContext('2d')?.drawImage(canvas, 0, 0);
    cache.current = { canvas: copy, view: v };
    if (draft.current) drawDraft(g, draft.current);
    canvas.dataset.zoom = v.k.toFixed(2);
    canvas.dataset.thumbSide = String(s.atlas ? thumbSide(v.k) : 0);
    recordForBench('scatterFrame', performance.now() - started);
    recordForBench('scatterFullDraw', performance.now() - started);
  };
  /** A quick frame now; the full drawing once the view has not moved for 150 ms. */
  const schedule = () => {
    if (!pending.current) pending.current = requestAnimationFrame(() => draw(false));
    clearTimeout(settle.current);
    settle.current = window.setTimeout(() => {
      const c = cache.current;
      const v = view.current;
      if (!c || c.view !== v || draft.current) requestAnimationFrame(() => draw(true));
    }, 150);
  };

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const [w, h] = [Math.round(frame.width * ratio), Math.round(frame.height * ratio)];
    if (canvas.width !== w) canvas.width = w;
    if (canvas.height !== h) canvas.height = h;
    draw();
  });
  // A new projection is another picture: start it unzoomed.
  useEffect(() => {
    view.current = IDENTITY;
  }, [xy]);
  useEffect(
    () => () => {
      cancelAnimationFrame(pending.current);
      clearTimeout(settle.current);
    },
    [],
  );

  // The wheel must not scroll the page while it zooms: React's wheel listener is passive.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const box = canvas.getBoundingClientRect();
      view.current = zoomAt(
        view.current,
        e.clientX - box.left,
        e.clientY - box.top,
        Math.exp(-e.deltaY * 0.002),
      );
      schedule();
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });
    return () => canvas.removeEventListener('wheel', onWheel);
  });

  const gesture = useRef<{ x: number; y: number; moved: boolean } | null>(null);
  const local = (e: ReactPointerEvent<HTMLCanvasElement>): [number, number] => {
    const box = e.currentTarget.getBoundingClientRect();
    return [e.clientX - box.left, e.clientY - box.top];
  };
  const nearest = (sx: number, sy: number): number | null => {
    const radius = Math.max(6, (atlasImage ? thumbSide(view.current.k) : 4) / 2 + 2);
    let best: number | null = null;
    let bestD = radius * radius;
    for (let i = 0; i < count; i++) {
      const [x, y] = apply(view.current, pixels[i * 2], pixels[i * 2 + 1]);
      const d = (x - sx) ** 2 + (y - sy) ** 2;
      if (d <= bestD) [best, bestD] = [i, d];
    }
    return best;
  };

  const onDown = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    const [x, y] = local(e);
    e.currentTarget.setPointerCapture(e.pointerId);
    gesture.current = { x, y, moved: false };
    props.onHover(null);
    if (tool !== 'pan') draft.current = [x, y];
  };
  const onMove = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    const [x, y] = local(e);
    const g = gesture.current;
    if (!g) {
      const index = nearest(x, y);
      props.onHover(index === null ? null : { index, x, y });
      return;
    }
    if (Math.hypot(x - g.x, y - g.y) > 3) g.moved = true;
    if (tool === 'pan') {
      view.current = panBy(view.current, x - g.x, y - g.y);
      [g.x, g.y] = [x, y];
    } else if (tool === 'box') {
      draft.current = [g.x, g.y, x, g.y, x, y, g.x, y];
    } else {
      const d = draft.current ?? [];
      if (Math.hypot(x - d[d.length - 2], y - d[d.length - 1]) > 3) d.push(x, y);
      draft.current = d;
    }
    schedule();
  };
  const onUp = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    const g = gesture.current;
    gesture.current = null;
    const polygon = draft.current;
    draft.current = null;
    if (!g) return;
    if (!g.moved) {
      // A click picks the point under it, or clears the selection on empty plane.
      const [x, y] = local(e);
      const index = nearest(x, y);
      props.onSelect(index === null ? null : Int32Array.of(index));
    } else if (tool !== 'pan' && polygon && polygon.length >= 6) {
      const framePolygon = polygon.map((value, n) =>
        n % 2 === 0 ? invert(view.current, value, 0)[0] : invert(view.current, 0, value)[1],
      );
      const chosen = selectInPolygon(pixels, count, framePolygon);
      props.onSelect(chosen.length > 0 ? chosen : null);
    }
    schedule();
  };

  const present = labels ? labelsPresent(labels, count) : [];
  return (
    <canvas
      ref={canvasRef}
      className={`scatter-canvas tool-${tool}`}
      data-testid={testId}
      data-points={count}
      data-labels={present.join(',')}
      data-selected={selection?.length ?? 0}
      data-thumbs={atlas ? 'on' : 'off'}
      data-drawn={drawn ? 'on' : 'off'}
      style={{ width: frame.width, height: frame.height, touchAction: 'none' }}
      role="img"
      aria-label={`${count} points on the plane of ${axes[0]} and ${axes[1]}`}
      onPointerDown={onDown}
      onPointerMove={onMove}
      onPointerUp={onUp}
      onPointerLeave={() => !gesture.current && props.onHover(null)}
      onDoubleClick={() => {
        view.current = IDENTITY;
        schedule();
      }}
    />
  );
}

/** Data-unit radii as frame pixels. */
function drawnRadii(frame: PlaneFrame, radii: [number, number] | null): [number, number] | null {
  if (!radii) return null;
  const { x0, x1, y0, y1 } = frame.extent;
  return [
    (radii[0] / (x1 - x0)) * (frame.width - 2 * frame.pad),
    (radii[1] / (y1 - y0)) * (frame.height - 2 * frame.pad),
  ];
}
