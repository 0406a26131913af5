/**
 * Precision at k against labels: of the k images a search returns for a query, the share that
 * carry the query's label. It scores a search without anyone marking which answers are right.
 */

/**
 * The mean precision at k over the queries: `neighbours(q)` returns the k indices found for
 * query q (itself left out).
 */
export function precisionAtK(
  labels: ArrayLike<number>,
  queries: readonly number[],
  k: number,
  neighbours: (query: number) => readonly number[],
): number {
  if (queries.length === 0 || k <= 0) return 0;
  let total = 0;
  for (const q of queries) {
    const found = neighbours(q).slice(0, k);
    let same = 0;
    for (const i of found) if (labels[i] === labels[q]) same++;
    total += same / k;
  }
  return total / queries.length;
}

/**
 * What a search that returns images at random scores on average: the chance that another image
 * shares the query's label, averaged over the queries (about 0.1 for ten balanced digits).
 */
export function chancePrecision(
  labels: ArrayLike<number>,
  count: number,
  queries: readonly number[],
): number {
  if (queries.length === 0 || count < 2) return 0;
  const perLabel = new Map<number, number>();
  for (let i = 0; i < count; i++) perLabel.set(labels[i], (perLabel.get(labels[i]) ?? 0) + 1);
  let total = 0;
  for (const q of queries) total += ((perLabel.get(labels[q]) ?? 1) - 1) / (count - 1);
  return total / queries.length;
}

/**
 * `n` query indices spread evenly over `count` samples: the same queries every time, so codes
 * and pixels are scored on the same images and a figure repeats.
 */
export function spreadQueries(count: number, n: number): number[] {
  const m = Math.min(count, n);
  return Array.from({ length: m }, (_, i) => Math.floor((i * count) / m));
}
