/**
 * Principal component analysis by subspace (block power) iteration on the implicit covariance:
 * C·V is computed as Xᵀ(X·V) without forming the d×d matrix, so 2,000 digits of 784 pixels
 * cost a few million multiply-adds per iteration instead of a 784×784 covariance.
 */

/** How the inputs are scaled before PCA: the options the lecture notes compare. */
export type PcaScaling = 'center' | 'normalize' | 'standardize';

export interface PcaResult {
  /** count x k projected values, sample after sample. */
  projected: Float32Array;
  /** k x dim unit directions, component after component. */
  components: Float64Array;
  /** The variance along each component. */
  variances: number[];
  /** Share of the total variance each component explains (0..1). */
  explained: number[];
}

export interface PcaOptions {
  k?: number;
  scaling?: PcaScaling;
  iterations?: number;
  /** Deterministic start, so the same data gives the same picture. */
  seed?: number;
}

/**
 * Scales the rows of `values` (count x dim) as asked and centers every feature: 'normalize' makes
 * each sample unit length first, 'standardize' gives every feature unit variance (features that
 * never vary stay 0).
 */
export function prepareRows(
  values: Float32Array,
  count: number,
  dim: number,
  scaling: PcaScaling,
): Float64Array {
  const x = Float64Array.from(values.subarray(0, count * dim));
  if (scaling === 'normalize') {
    for (let i = 0; i < count; i++) {
      let norm = 0;
      for (let j = 0; j < dim; j++) norm += x[i * dim + j] ** 2;
      const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (let j = 0; j < dim; j++) x[i * dim + j] *= scale;
    }
  }
  const mean = new Float64Array(dim);
  for (let i = 0; i < count; i++) for (let j = 0; j < dim; j++) mean[j] += x[i * dim + j];
  for (let j = 0; j < dim; j++) mean[j] /= Math.max(1, count);
  for (let i = 0; i < count; i++) for (let j = 0; j < dim; j++) x[i * dim + j] -= mean[j];
  if (scaling === 'standardize') {
    const sd = new Float64Array(dim);
    for (let i = 0; i < count; i++) for (let j = 0; j < dim; j++) sd[j] += x[i * dim + j] ** 2;
    for (let j = 0; j < dim; j++) sd[j] = Math.sqrt(sd[j] / Math.max(1, count));
    for (let i = 0; i < count; i++)
      for (let j = 0; j < dim; j++) x[i * dim + j] = sd[j] > 1e-12 ? x[i * dim + j] / sd[j] : 0;
  }
  return x;
}

/** Y = Xᵀ(X·V) / count for k column vectors V stored k x dim. */
function covarianceTimes(x: Float64Array, count: number, dim: number, v: Float64Array, k: number) {
  const out = new Float64Array(k * dim);
  const xv = new Float64Array(k);
  for (let i = 0; i < count; i++) {
    const row = i * dim;
    xv.fill(0);
    for (let c = 0; c < k; c++) {
      let s = 0;
      const base = c * dim;
      for (let j = 0; j < dim; j++) s += x[row + j] * v[base + j];
      xv[c] = s;
    }
    for (let c = 0; c < k; c++) {
      const a = xv[c];
      if (a === 0) continue;
      const base = c * dim;
      for (let j = 0; j < dim; j++) out[base + j] += a * x[row + j];
    }
  }
  for (let i = 0; i < out.length; i++) out[i] /= Math.max(1, count);
  return out;
}

/** Gram-Schmidt on k vectors of length dim, in place. */
function orthonormalize(v: Float64Array, k: number, dim: number): void {
  for (let c = 0; c < k; c++) {
    const base = c * dim;
    for (let p = 0; p < c; p++) {
      let dot = 0;
      for (let j = 0; j < dim; j++) dot += v[base + j] * v[p * dim + j];
      for (let j = 0; j < dim; j++) v[base + j] -= dot * v[p * dim + j];
    }
    let norm = 0;
    for (let j = 0; j < dim; j++) norm += v[base + j] ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let j = 0; j < dim; j++) v[base + j] /= norm;
  }
}

/** A small deterministic generator for the starting directions. */
function lcg(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
}

/** The first k principal components of count samples of dim values, and the samples projected. */
export function pca(values: Float32Array, count: number, dim: number, options: PcaOptions = {}) {
  const k = Math.max(1, Math.min(options.k ?? 2, dim));
  const x = prepareRows(values, count, dim, options.scaling ?? 'center');
  const random = lcg(options.seed ?? 7);
  let v = new Float64Array(k * dim);
  for (let i = 0; i < v.length; i++) v[i] = random();
  orthonormalize(v, k, dim);
  const iterations = options.iterations ?? 60;
  for (let it = 0; it < iterations; it++) {
    const next = covarianceTimes(x, count, dim, v, k);
    orthonormalize(next, k, dim);
    let change = 0;
    for (let i = 0; i < next.length; i++) change = Math.max(change, Math.abs(next[i] - v[i]));
    v = next;
    if (change < 1e-7) break;
  }
  return finish(x, count, dim, v, k);
}

function finish(x: Float64Array, count: number, dim: number, v: Float64Array, k: number) {
  const cv = covarianceTimes(x, count, dim, v, k);
  const variances = Array.from({ length: k }, (_, c) => {
    let s = 0;
    for (let j = 0; j < dim; j++) s += v[c * dim + j] * cv[c * dim + j];
    return s;
  });
  // The components come out in the order power iteration finds them; sort by variance to be sure.
  const order = variances.map((_, c) => c).sort((a, b) => variances[b] - variances[a]);
  const components = new Float64Array(k * dim);
  order.forEach((c, i) => components.set(v.subarray(c * dim, (c + 1) * dim), i * dim));
  const sorted = order.map((c) => variances[c]);
  let total = 0;
  for (let i = 0; i < x.length; i++) total += x[i] * x[i];
  total /= Math.max(1, count);
  const projected = new Float32Array(count * k);
  for (let i = 0; i < count; i++) {
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let j = 0; j < dim; j++) s += x[i * dim + j] * components[c * dim + j];
      projected[i * k + c] = s;
    }
  }
  const explained = sorted.map((s) => (total > 0 ? s / total : 0));
  return { projected, components, variances: sorted, explained } satisfies PcaResult;
}
