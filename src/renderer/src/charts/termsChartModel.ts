import { extent, scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3';
import type { Curve } from './lossChartModel';

/** The curves the total loss's axis spans: the extra terms get their own axis. */
export const withoutTerms = (curves: readonly Curve[]): Curve[] =>
  curves.filter((c) => c.kind !== 'term');

/**
 * The y scale of the extra terms' own small chart (KL, sparsity, contractive): they are often a
 * hundred times smaller than the total, and on its axis read as a flat line at 0.
 */
export function termScale(
  terms: readonly Curve[],
  top: number,
  bottom: number,
  log = false,
): ScaleContinuousNumeric<number, number> {
  const values = terms
    .flatMap((c) => c.points.map((p) => p.y))
    .filter((v) => Number.isFinite(v) && (!log || v > 0));
  const [lo = log ? 0.001 : 0, hi = 1] = extent(values);
  if (log) {
    const top10 = hi > lo ? hi * 1.15 : lo * 10;
    return scaleLog()
      .domain([lo / 1.15, top10])
      .range([bottom, top])
      .nice();
  }
  const pad = (hi - lo) * 0.1 || Math.abs(hi) * 0.1 || 0.1;
  return scaleLinear()
    .domain([Math.max(0, lo - pad), hi + pad])
    .range([bottom, top])
    .nice();
}
