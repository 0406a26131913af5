/** Code statistics for the code histogram: bins, mean activation and the share near zero. */

export interface Histogram {
  /** Lower edge of the first bin and upper edge of the last. */
  min: number;
  max: number;
  /** How many values fall in each bin. */
  counts: number[];
  /** Every value's mean: for a sparse code, the mean activation. */
  mean: number;
  /** Share of values whose size is below `nearZero` (0..1). */
  nearZeroShare: number;
  total: number;
}

/** Values this close to zero count as "off" (sigmoid and relu codes). */
export const NEAR_ZERO = 0.05;

/** The histogram of every value, over [min, max] unless a range is given (to share one axis). */
export function histogram(
  values: ArrayLike<number>,
  bins: number,
  range?: { min: number; max: number },
  nearZero: number = NEAR_ZERO,
): Histogram {
  let lo = Infinity;
  let hi = -Infinity;
  let sum = 0;
  let near = 0;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    total++;
    sum += v;
    if (Math.abs(v) < nearZero) near++;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const min = range?.min ?? (total > 0 ? lo : 0);
  let max = range?.max ?? (total > 0 ? hi : 1);
  if (max <= min) max = min + 1;
  const counts = new Array<number>(Math.max(1, bins)).fill(0);
  const width = (max - min) / counts.length;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v) || v < min || v > max) continue;
    counts[Math.min(counts.length - 1, Math.floor((v - min) / width))]++;
  }
  return {
    min,
    max,
    counts,
    mean: total > 0 ? sum / total : 0,
    nearZeroShare: total > 0 ? near / total : 0,
    total,
  };
}

/** The range that covers both sets of values, so two histograms share one x axis. */
export function sharedRange(...sets: ArrayLike<number>[]): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const values of sets) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (!Number.isFinite(v)) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  if (!Number.isFinite(min)) return { min: 0, max: 1 };
  return max > min ? { min, max } : { min, max: min + 1 };
}
