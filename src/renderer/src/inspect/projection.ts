import { UMAP } from 'umap-js';
import { pca } from './pca';

/** How codes with more than two values are drawn on a plane. */
export type ProjectionMethod = 'pca' | 'umap' | 'tsne';

/** count points of 2 values each, point after point. */
export interface Plane {
  xy: Float32Array;
  count: number;
  /** What the axes are, in words ("code 1", "PC 1 (34 %)", "UMAP 1"). */
  axes: [string, string];
}

/** Two chosen code values as the plane, unchanged: the honest view when the code is 2-D. */
export function pickDims(codes: Float32Array, count: number, size: number, dims: [number, number]) {
  const xy = new Float32Array(count * 2);
  for (let i = 0; i < count; i++) {
    xy[i * 2] = codes[i * size + dims[0]];
    xy[i * 2 + 1] = size > 1 ? codes[i * size + dims[1]] : 0;
  }
  return {
    xy,
    count,
    axes: [`code ${dims[0] + 1}`, size > 1 ? `code ${dims[1] + 1}` : '—'],
  } satisfies Plane;
}

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** The first two principal components of the codes. */
export function pcaPlane(codes: Float32Array, count: number, size: number): Plane {
  const result = pca(codes, count, size, { k: 2 });
  return {
    xy: result.projected,
    count,
    axes: [`PC 1 (${percent(result.explained[0])})`, `PC 2 (${percent(result.explained[1] ?? 0)})`],
  };
}

/** Deterministic randomness for UMAP, so one set of codes always gives the same picture. */
function seeded(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

/**
 * A UMAP embedding of the codes, computed a few optimisation steps at a time so the window keeps
 * drawing; resolves null when `cancelled()` turns true (newer codes arrived).
 */
export async function umapPlane(
  codes: Float32Array,
  count: number,
  size: number,
  cancelled: () => boolean,
  stepsPerSlice = 20,
): Promise<Plane | null> {
  const rows: number[][] = [];
  for (let i = 0; i < count; i++) rows.push(Array.from(codes.subarray(i * size, (i + 1) * size)));
  const umap = new UMAP({
    nComponents: 2,
    nNeighbors: Math.min(15, Math.max(2, count - 1)),
    nEpochs: 200,
    random: seeded(11),
  });
  const pause = () => new Promise((resolve) => setTimeout(resolve, 0));
  await pause();
  if (cancelled()) return null;
  const epochs = umap.initializeFit(rows);
  for (let e = 0; e < epochs; e += stepsPerSlice) {
    for (let s = 0; s < stepsPerSlice && e + s < epochs; s++) umap.step();
    await pause();
    if (cancelled()) return null;
  }
  const embedding = umap.getEmbedding();
  const xy = new Float32Array(count * 2);
  embedding.forEach((p, i) => {
    xy[i * 2] = p[0];
    xy[i * 2 + 1] = p[1];
  });
  return { xy, count, axes: ['UMAP 1', 'UMAP 2'] };
}

/** The smallest box around the points, padded a little so none sits on the edge. */
export function planeExtent(xy: Float32Array, count: number, pad = 0.05) {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (let i = 0; i < count; i++) {
    const x = xy[i * 2];
    const y = xy[i * 2 + 1];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y);
  }
  if (!Number.isFinite(x0)) return { x0: -1, x1: 1, y0: -1, y1: 1 };
  const dx = (x1 - x0 || 1) * pad;
  const dy = (y1 - y0 || 1) * pad;
  return { x0: x0 - dx, x1: x1 + dx, y0: y0 - dy, y1: y1 + dy };
}
