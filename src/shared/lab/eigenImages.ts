/**
 * Eigen-images (the eigenfaces idea, on digits): each principal direction of the pixels is an
 * image whose light pixels rise and dark pixels fall together along that direction.
 */

/**
 * `k` components of `dim` values as images in 0..1 with zero at mid grey: each is scaled by its
 * own largest magnitude, so the sign of a pixel stays readable (a component's overall sign is
 * arbitrary; grey means the pixel plays no part).
 */
export function eigenImages(components: ArrayLike<number>, k: number, dim: number): Float32Array {
  const out = new Float32Array(k * dim);
  for (let c = 0; c < k; c++) {
    let peak = 0;
    for (let j = 0; j < dim; j++) peak = Math.max(peak, Math.abs(components[c * dim + j]));
    for (let j = 0; j < dim; j++)
      out[c * dim + j] = peak > 0 ? 0.5 + (0.5 * components[c * dim + j]) / peak : 0.5;
  }
  return out;
}

/** The share of the variance the first components explain together, growing: 0..1 each. */
export function cumulative(explained: readonly number[]): number[] {
  let sum = 0;
  return explained.map((e) => (sum += e));
}
