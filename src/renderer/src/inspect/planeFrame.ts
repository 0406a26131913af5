/** Maps latent-plane values to canvas pixels and back (y grows upwards, as on paper). */
export interface Extent {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export interface PlaneFrame {
  extent: Extent;
  width: number;
  height: number;
  pad: number;
}

export const toPixel = (f: PlaneFrame, x: number, y: number): [number, number] => [
  f.pad + ((x - f.extent.x0) / (f.extent.x1 - f.extent.x0)) * (f.width - 2 * f.pad),
  f.height - f.pad - ((y - f.extent.y0) / (f.extent.y1 - f.extent.y0)) * (f.height - 2 * f.pad),
];

export const toData = (f: PlaneFrame, px: number, py: number): [number, number] => [
  f.extent.x0 + ((px - f.pad) / (f.width - 2 * f.pad)) * (f.extent.x1 - f.extent.x0),
  f.extent.y0 + ((f.height - f.pad - py) / (f.height - 2 * f.pad)) * (f.extent.y1 - f.extent.y0),
];

/** The index of the point nearest a pixel, within `radius` pixels; null when none is that near. */
export function nearestPoint(
  f: PlaneFrame,
  xy: Float32Array,
  count: number,
  px: number,
  py: number,
  radius = 8,
): number | null {
  let best: number | null = null;
  let bestD = radius * radius;
  for (let i = 0; i < count; i++) {
    const [x, y] = toPixel(f, xy[i * 2], xy[i * 2 + 1]);
    const d = (x - px) ** 2 + (y - py) ** 2;
    if (d <= bestD) [best, bestD] = [i, d];
  }
  return best;
}
