/**
 * The scatter's pan and zoom: a pixel p of the unzoomed frame is drawn at k·p + t. Kept apart from
 * React so dragging and the wheel redraw the canvas without a render.
 */
export interface ViewTransform {
  k: number;
  tx: number;
  ty: number;
}

export const IDENTITY: ViewTransform = { k: 1, tx: 0, ty: 0 };
const MIN_ZOOM = 1;
const MAX_ZOOM = 40;

/** Zooms by `factor` keeping the pixel under the cursor (cx, cy) where it is. */
export function zoomAt(v: ViewTransform, cx: number, cy: number, factor: number): ViewTransform {
  const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, v.k * factor));
  const f = k / v.k;
  return { k, tx: cx - (cx - v.tx) * f, ty: cy - (cy - v.ty) * f };
}

/** Moves the view by (dx, dy) screen pixels. */
export const panBy = (v: ViewTransform, dx: number, dy: number): ViewTransform => ({
  k: v.k,
  tx: v.tx + dx,
  ty: v.ty + dy,
});

/** Screen position of an unzoomed frame pixel. */
export const apply = (v: ViewTransform, px: number, py: number): [number, number] => [
  v.k * px + v.tx,
  v.k * py + v.ty,
];

/** Unzoomed frame pixel of a screen position. */
export const invert = (v: ViewTransform, sx: number, sy: number): [number, number] => [
  (sx - v.tx) / v.k,
  (sy - v.ty) / v.k,
];
