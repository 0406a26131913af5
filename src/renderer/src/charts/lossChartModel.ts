import { extent, line, scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3';
import type { BatchPoint, EpochRecord } from '../stores/runState';

/** One point of a curve: x in epochs done, y the loss. */
export interface CurvePoint {
  x: number;
  y: number;
}

/** A line of the chart: this run's train or validation loss, an extra term, or a past run's. */
export interface Curve {
  key: string;
  label: string;
  kind: 'train' | 'val' | 'term' | 'past-train' | 'past-val';
  color: string;
  points: CurvePoint[];
}

export interface ChartFrame {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export interface LossScales {
  x: ScaleContinuousNumeric<number, number>;
  y: ScaleContinuousNumeric<number, number>;
  log: boolean;
}

/** Colours of the extra loss terms (KL, sparsity, contractive), in order of appearance. */
export const TERM_COLORS = ['#c084fc', '#4ed39a', '#f472b6', '#38bdf8', '#facc15'];
/** Colours of past runs: muted so the current run stays in front. */
export const PAST_COLORS = ['#94a3b8', '#a3e635', '#fb7185', '#2dd4bf', '#fbbf24', '#a78bfa'];

/** Readable names of the trainer's extra terms. */
export function termLabel(key: string): string {
  const known: Record<string, string> = {
    kl: 'KL (latent loss)',
    sparsity: 'sparsity penalty',
    contractive: 'contractive penalty',
    l1: 'L1 activity',
  };
  return known[key] ?? key;
}

/**
 * The current run's curves: train, validation, and each extra term on its own. `terms` fixes the
 * terms' order (and so their colours) when a run is drawn in parts, one per procedure phase.
 */
export function runCurves(
  epochs: readonly EpochRecord[],
  terms: readonly string[] = termsOf(epochs),
): Curve[] {
  const curves: Curve[] = [
    {
      key: 'train',
      label: 'train',
      kind: 'train',
      color: 'var(--train)',
      points: epochs.map((e) => ({ x: e.x, y: e.trainLoss })),
    },
    {
      key: 'val',
      label: 'validation',
      kind: 'val',
      color: 'var(--val)',
      points: epochs.flatMap((e) => (e.valLoss === null ? [] : [{ x: e.x, y: e.valLoss }])),
    },
  ];
  terms.forEach((term, i) => {
    if (!epochs.some((e) => term in e.terms)) return;
    curves.push({
      key: `term:${term}`,
      label: termLabel(term),
      kind: 'term',
      color: TERM_COLORS[i % TERM_COLORS.length],
      points: epochs.flatMap((e) => (term in e.terms ? [{ x: e.x, y: e.terms[term] }] : [])),
    });
  });
  return curves;
}

/** The extra terms of a run, in order of appearance. */
export const termsOf = (epochs: readonly EpochRecord[]): string[] => [
  ...new Set(epochs.flatMap((e) => Object.keys(e.terms))),
];

/**
 * The epochs of each procedure phase apart, in order (one group for a run of one phase): phases
 * measure different losses, so a line must never join one phase's points to the next one's.
 */
export function byPhase(epochs: readonly EpochRecord[]): EpochRecord[][] {
  const groups = new Map<number, EpochRecord[]>();
  for (const e of epochs) {
    const phase = e.phase ?? 0;
    groups.set(phase, [...(groups.get(phase) ?? []), e]);
  }
  return [...groups.values()];
}

/** A past run's train and validation curves, in its own colour, one pair per procedure phase. */
export function pastCurves(
  runId: string,
  name: string,
  epochs: readonly EpochRecord[],
  index: number,
): Curve[] {
  const color = PAST_COLORS[index % PAST_COLORS.length];
  const phases = byPhase(epochs);
  if (phases.length > 1) {
    return phases.flatMap((group) =>
      pastCurves(runId, name, group, index).map((c) => ({
        ...c,
        key: `${c.key}:p${group[0].phase ?? 0}`,
      })),
    );
  }
  return [
    {
      key: `${runId}:train`,
      label: `${name} · train`,
      kind: 'past-train',
      color,
      points: epochs.map((e) => ({ x: e.x, y: e.trainLoss })),
    },
    {
      key: `${runId}:val`,
      label: `${name} · validation`,
      kind: 'past-val',
      color,
      points: epochs.flatMap((e) => (e.valLoss === null ? [] : [{ x: e.x, y: e.valLoss }])),
    },
  ];
}

/**
 * The chart's scales: x spans the whole run (so the curve grows into a fixed frame rather than
 * rescaling every batch), y spans every loss drawn. A log y keeps the small late losses and the
 * extra terms readable beside the large first ones; it ignores values that are not above zero.
 */
export function lossScales(
  batches: readonly BatchPoint[],
  curves: readonly Curve[],
  lastEpoch: number,
  frame: ChartFrame,
  log = false,
): LossScales {
  const { width, height, margin } = frame;
  const values = [
    ...batches.map((b) => b.loss),
    ...curves.flatMap((c) => c.points.map((p) => p.y)),
  ].filter((v) => Number.isFinite(v) && (!log || v > 0));
  const lastX = Math.max(
    lastEpoch,
    ...curves.flatMap((c) => c.points.map((p) => p.x)),
    ...batches.map((b) => b.x),
    1,
  );
  const x = scaleLinear()
    .domain([0, lastX])
    .range([margin.left, width - margin.right]);
  const range = [height - margin.bottom, margin.top];
  if (log) {
    const [lo = 0.01, hi = 1] = extent(values);
    const top = hi > lo ? hi * 1.15 : lo * 10;
    return {
      x,
      y: scaleLog()
        .domain([lo / 1.15, top])
        .range(range)
        .nice(),
      log,
    };
  }
  const [lo = 0, hi = 1] = extent(values);
  const pad = (hi - lo) * 0.08 || Math.abs(hi) * 0.1 || 0.1;
  const y = scaleLinear()
    .domain([Math.max(0, lo - pad), hi + pad])
    .range(range)
    .nice();
  return { x, y, log };
}

const drawable = (scales: LossScales) => (y: number) =>
  Number.isFinite(y) && (!scales.log || y > 0);

/** The SVG path of the batch losses ('' when there are none). */
export function batchPath(points: readonly BatchPoint[], scales: LossScales): string {
  const ok = drawable(scales);
  return (
    line<BatchPoint>()
      .defined((p) => ok(p.loss))
      .x((p) => scales.x(p.x))
      .y((p) => scales.y(p.loss))(points as BatchPoint[]) ?? ''
  );
}

/** The SVG path through one curve's points. */
export function curvePath(points: readonly CurvePoint[], scales: LossScales): string {
  const ok = drawable(scales);
  return (
    line<CurvePoint>()
      .defined((p) => ok(p.y))
      .x((p) => scales.x(p.x))
      .y((p) => scales.y(p.y))(points as CurvePoint[]) ?? ''
  );
}

/** The epoch x nearest the cursor, among the epochs that have points; null when none. */
export function nearestX(curves: readonly Curve[], x: number): number | null {
  let best: number | null = null;
  for (const c of curves)
    for (const p of c.points)
      if (best === null || Math.abs(p.x - x) < Math.abs(best - x)) best = p.x;
  return best;
}

/** Every curve's value at an epoch x, for the hover read-out. */
export function valuesAt(curves: readonly Curve[], x: number) {
  return curves.flatMap((c) => {
    const p = c.points.find((q) => q.x === x);
    return p ? [{ key: c.key, label: c.label, color: c.color, y: p.y }] : [];
  });
}
