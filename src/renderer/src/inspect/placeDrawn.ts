import type { Plane } from './projection';
import type { PlaneChoice } from './useProjection';

/** Where the Lab's drawn code lands on a plane, with its ellipse (2 sd) when it is exact. */
export interface DrawnMark {
  at: [number, number];
  radii: [number, number] | null;
}

/**
 * Places a new code on the plane. Two picked code values place it exactly, with the VAE's
 * variance as an ellipse of two standard deviations; a projection (PCA, UMAP, t-SNE) cannot place
 * a new point without recomputing, so it lands at the mean place of its 5 nearest codes.
 */
export function placeDrawn(
  drawn: { code: Float32Array; variance: Float32Array | null },
  codes: Float32Array,
  codeSize: number,
  plane: Plane,
  choice: PlaneChoice,
): DrawnMark | null {
  if (drawn.code.length !== codeSize) return null;
  if (choice.kind === 'dims') {
    const [a, b] = choice.dims;
    const v = drawn.variance;
    return {
      at: [drawn.code[a], codeSize > 1 ? drawn.code[b] : 0],
      radii: v && v.length === codeSize ? [2 * Math.sqrt(v[a]), 2 * Math.sqrt(v[b])] : null,
    };
  }
  const k = Math.min(5, plane.count);
  const best: { i: number; d: number }[] = [];
  for (let i = 0; i < plane.count; i++) {
    let d = 0;
    for (let j = 0; j < codeSize; j++) d += (codes[i * codeSize + j] - drawn.code[j]) ** 2;
    if (best.length < k || d < best[best.length - 1].d) {
      best.push({ i, d });
      best.sort((p, q) => p.d - q.d);
      if (best.length > k) best.pop();
    }
  }
  if (best.length === 0) return null;
  const x = best.reduce((s, p) => s + plane.xy[p.i * 2], 0) / best.length;
  const y = best.reduce((s, p) => s + plane.xy[p.i * 2 + 1], 0) / best.length;
  return { at: [x, y], radii: null };
}
