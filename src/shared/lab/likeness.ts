/**
 * How much a reconstruction looks like the drawing: the correlation of their pixels (1 the same
 * picture up to brightness, 0 unrelated). Brightness-free on purpose: a decoder's strokes are
 * often fainter or thicker than a pen's, and that is not what "resembles" means to a person.
 */
export function pixelCorrelation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i];
    mb += b[i];
  }
  ma /= n;
  mb /= n;
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i] - ma;
    const db = b[i] - mb;
    ab += da * db;
    aa += da * da;
    bb += db * db;
  }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
}

/** The labels of `found` with how often each occurs, most frequent first (ties: smaller label). */
export function labelVotes(
  labels: ArrayLike<number>,
  found: readonly number[],
): [number, number][] {
  const counts = new Map<number, number>();
  for (const i of found) counts.set(labels[i], (counts.get(labels[i]) ?? 0) + 1);
  return [...counts].sort((x, y) => y[1] - x[1] || x[0] - y[0]);
}
