/**
 * Latent points to decode: the n×n grid of the manifold view, a grid drawn from a normal prior,
 * the line between two codes, and the full code vector for a point of the latent plane.
 */

export interface Range {
  min: number;
  max: number;
}

/** Holds the code values the plane does not vary at the given values, and places x and y. */
export function fullCode(base: ArrayLike<number>, dims: [number, number], x: number, y: number) {
  const code = Float32Array.from(base);
  code[dims[0]] = x;
  if (dims[1] !== dims[0]) code[dims[1]] = y;
  return code;
}

/**
 * n×n codes row after row: x grows to the right, y grows upwards (the first row is the top, at
 * the range's max), as on the latent plane, so the grid and the scatter read the same way.
 */
export function gridCodes(
  n: number,
  xRange: Range,
  yRange: Range,
  base: ArrayLike<number>,
  dims: [number, number],
): Float32Array {
  const size = base.length;
  const out = new Float32Array(n * n * size);
  const at = (range: Range, i: number) =>
    n === 1 ? (range.min + range.max) / 2 : range.min + ((range.max - range.min) * i) / (n - 1);
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      out.set(
        fullCode(base, dims, at(xRange, col), at(yRange, n - 1 - row)),
        (row * n + col) * size,
      );
    }
  }
  return out;
}

/** The standard normal's quantile (Acklam's rational approximation, |error| < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972,
    -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
    4.374664141464968, 2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/**
 * For a variational model: the n×n grid at evenly spaced quantiles of the N(0, 1) prior, so each
 * tile stands for an equal share of the prior's mass (Kingma & Welling's manifold figure).
 */
export function priorGridCodes(n: number, base: ArrayLike<number>, dims: [number, number]) {
  const q = (i: number) => normalQuantile((i + 0.5) / n);
  const range = { min: q(0), max: q(n - 1) };
  return gridCodes(n, range, range, base, dims);
}

/** steps codes evenly spaced on the line from a to b, both ends included. */
export function lineCodes(a: ArrayLike<number>, b: ArrayLike<number>, steps: number): Float32Array {
  const size = a.length;
  const out = new Float32Array(steps * size);
  for (let s = 0; s < steps; s++) {
    const t = steps === 1 ? 0 : s / (steps - 1);
    for (let j = 0; j < size; j++) out[s * size + j] = a[j] + (b[j] - a[j]) * t;
  }
  return out;
}

/** The mean of each code value over the samples: where the sliders of the other values start. */
export function codeMeans(codes: Float32Array, count: number, size: number): Float32Array {
  const mean = new Float32Array(size);
  for (let i = 0; i < count; i++) for (let j = 0; j < size; j++) mean[j] += codes[i * size + j];
  for (let j = 0; j < size; j++) mean[j] /= Math.max(1, count);
  return mean;
}

/** The range one code value takes over the samples. */
export function codeRange(codes: Float32Array, count: number, size: number, dim: number): Range {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < count; i++) {
    const v = codes[i * size + dim];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!Number.isFinite(min)) return { min: -1, max: 1 };
  return max > min ? { min, max } : { min: min - 1, max: max + 1 };
}
