/**
 * Nearest neighbours by brute force: 2,000 view samples are few enough that an exact scan beats
 * any index (a query over 2,000 digits of 784 pixels is 1.6 million multiply-adds).
 */

/** Rows of `dim` values, `count` of them, laid one after another. */
export interface Rows {
  values: Float32Array;
  count: number;
  dim: number;
}

/** The squared Euclidean distance from `query` to every row. */
export function squaredDistances(rows: Rows, query: ArrayLike<number>): Float64Array {
  const { values, count, dim } = rows;
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    let sum = 0;
    const base = i * dim;
    for (let j = 0; j < dim; j++) {
      const d = values[base + j] - query[j];
      sum += d * d;
    }
    out[i] = sum;
  }
  return out;
}

/**
 * The indices of the k smallest distances, nearest first; ties go to the lower index so the same
 * data always gives the same answer. `skip` leaves one index out (the query itself).
 */
export function smallest(distances: ArrayLike<number>, k: number, skip = -1): number[] {
  const order: number[] = [];
  for (let i = 0; i < distances.length; i++) if (i !== skip) order.push(i);
  order.sort((a, b) => distances[a] - distances[b] || a - b);
  return order.slice(0, Math.max(0, k));
}

/** The k rows nearest `query` by Euclidean distance, nearest first. */
export function nearestRows(rows: Rows, query: ArrayLike<number>, k: number, skip = -1): number[] {
  return smallest(squaredDistances(rows, query), k, skip);
}

/** Row `index` of `rows` as its own array. */
export const rowOf = (rows: Rows, index: number): Float32Array =>
  rows.values.subarray(index * rows.dim, (index + 1) * rows.dim);
