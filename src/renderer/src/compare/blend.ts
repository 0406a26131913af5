import { pca } from '../inspect/pca';

/** (1 - t)·a + t·b, value by value (the shorter length wins). */
export function blend(a: Float32Array, b: Float32Array, t: number): Float32Array {
  const n = Math.min(a.length, b.length);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = a[i] + (b[i] - a[i]) * t;
  return out;
}

/** Share of the points inside the map's frame on each axis: the rest are outliers pinned to its edge. */
const FRAMED = 0.98;

/**
 * Each sample's place on a 2-D map of a run's codes: the first two principal components (the code
 * itself when it has two values or fewer), centred, each axis scaled so 98% of the points lie
 * within -1..1 (a few far codes would otherwise squash the rest into a line).
 */
export function codeLayout(codes: Float32Array, count: number, codeSize: number): Float32Array {
  let xy: Float32Array;
  if (codeSize >= 3) xy = pca(codes, count, codeSize, { k: 2, seed: 7 }).projected;
  else {
    xy = new Float32Array(count * 2);
    for (let i = 0; i < count; i++)
      for (let d = 0; d < Math.min(2, codeSize); d++) xy[i * 2 + d] = codes[i * codeSize + d];
  }
  for (let d = 0; d < 2; d++) {
    let mean = 0;
    for (let i = 0; i < count; i++) mean += xy[i * 2 + d] / count;
    const spread: number[] = [];
    for (let i = 0; i < count; i++) spread.push(Math.abs((xy[i * 2 + d] -= mean)));
    spread.sort((a, b) => a - b);
    const edge = spread[Math.min(count - 1, Math.floor(FRAMED * count))] ?? 0;
    for (let i = 0; i < count; i++)
      xy[i * 2 + d] = edge > 0 ? Math.max(-1, Math.min(1, xy[i * 2 + d] / edge)) : 0;
  }
  return xy;
}

/**
 * Flips the axes of layout `b` so each points the way `a`'s does for the same samples (a principal
 * component's sign is arbitrary): blending two maps then moves points, rather than mirroring them.
 */
export function alignAxes(a: Float32Array, b: Float32Array, count: number): Float32Array {
  const out = Float32Array.from(b);
  for (let d = 0; d < 2; d++) {
    let dot = 0;
    for (let i = 0; i < count; i++) dot += a[i * 2 + d] * b[i * 2 + d];
    if (dot < 0) for (let i = 0; i < count; i++) out[i * 2 + d] = -out[i * 2 + d];
  }
  return out;
}
