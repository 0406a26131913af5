/**
 * t-SNE's input similarities: for each point a Gaussian over its nearest neighbours whose width
 * is searched so its perplexity matches the one asked, then made symmetric. Only the 3·perplexity
 * nearest neighbours count (van der Maaten 2014): the rest hold almost no mass, and keeping them
 * sparse makes the attractive forces cost O(N·k) per step instead of O(N²).
 */

/** Symmetric affinities as a list of pairs i < j with their weight p_ij (they sum to 1). */
export interface Affinities {
  i: Int32Array;
  j: Int32Array;
  p: Float64Array;
}

/** Squared distances from row a to every row (count x dim values). */
function distancesFrom(
  a: number,
  data: Float32Array,
  count: number,
  dim: number,
  out: Float64Array,
) {
  const base = a * dim;
  for (let b = 0; b < count; b++) {
    let s = 0;
    const other = b * dim;
    for (let k = 0; k < dim; k++) {
      const d = data[base + k] - data[other + k];
      s += d * d;
    }
    out[b] = s;
  }
}

/**
 * The k = out.length nearest rows to `self` (not itself), nearest first, by insertion into a short
 * sorted list: most rows fail against its last entry at once. Sorting every row of 2,000 took
 * most of the 7 s the affinities cost.
 */
function kNearest(row: Float64Array, self: number, out: Int32Array, distances: Float64Array) {
  const k = out.length;
  let filled = 0;
  for (let b = 0; b < row.length; b++) {
    if (b === self) continue;
    const d = row[b];
    if (filled === k && d >= distances[k - 1]) continue;
    let at = filled < k ? filled++ : k - 1;
    while (at > 0 && distances[at - 1] > d) {
      distances[at] = distances[at - 1];
      out[at] = out[at - 1];
      at--;
    }
    distances[at] = d;
    out[at] = b;
  }
}

/**
 * The conditional probabilities p(j|i) over the given squared distances whose entropy is
 * log(perplexity), by bisection on the Gaussian's precision.
 */
function conditional(distances: Float64Array, perplexity: number, out: Float64Array): void {
  const n = distances.length;
  const target = Math.log(perplexity);
  let beta = 1;
  let lo = 0;
  let hi = Infinity;
  // Shift by the nearest distance: exp of large negatives would underflow to all zeros.
  let nearest = Infinity;
  for (let k = 0; k < n; k++) nearest = Math.min(nearest, distances[k]);
  for (let iter = 0; iter < 64; iter++) {
    let sum = 0;
    let weighted = 0;
    for (let k = 0; k < n; k++) {
      const w = Math.exp(-(distances[k] - nearest) * beta);
      out[k] = w;
      sum += w;
      weighted += w * (distances[k] - nearest);
    }
    const entropy = Math.log(sum) + (beta * weighted) / sum;
    for (let k = 0; k < n; k++) out[k] /= sum;
    if (Math.abs(entropy - target) < 1e-5) break;
    if (entropy > target) {
      lo = beta;
      beta = hi === Infinity ? beta * 2 : (beta + hi) / 2;
    } else {
      hi = beta;
      beta = (beta + lo) / 2;
    }
  }
}

/** The symmetric sparse affinities of count rows of dim values. */
export function affinities(
  data: Float32Array,
  count: number,
  dim: number,
  perplexity: number,
): Affinities {
  const k = Math.min(count - 1, Math.max(1, Math.floor(3 * perplexity)));
  const perp = Math.min(perplexity, Math.max(1, k / 3));
  const row = new Float64Array(count);
  const nearest = new Int32Array(k);
  const nearDistances = new Float64Array(k);
  const probabilities = new Float64Array(k);
  // Both directions of each pair meet in one entry: p_ij = (p(j|i) + p(i|j)) / 2N.
  const pairs = new Map<number, number>();
  for (let a = 0; a < count; a++) {
    distancesFrom(a, data, count, dim, row);
    kNearest(row, a, nearest, nearDistances);
    conditional(nearDistances, perp, probabilities);
    for (let m = 0; m < k; m++) {
      const b = nearest[m];
      const key = a < b ? a * count + b : b * count + a;
      pairs.set(key, (pairs.get(key) ?? 0) + probabilities[m] / (2 * count));
    }
  }
  const keys = [...pairs.keys()].sort((x, y) => x - y);
  const out: Affinities = {
    i: new Int32Array(keys.length),
    j: new Int32Array(keys.length),
    p: new Float64Array(keys.length),
  };
  keys.forEach((key, n) => {
    out.i[n] = Math.floor(key / count);
    out.j[n] = key % count;
    out.p[n] = pairs.get(key) ?? 0;
  });
  return out;
}
