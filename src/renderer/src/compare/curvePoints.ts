import type { EpochRecord } from '../stores/runState';

export interface CurveFrame {
  width: number;
  height: number;
  pad: number;
}

/** Each run's points of one loss on the runs' shared frame (log scale on the loss). */
export function curvePoints(
  runs: readonly (readonly EpochRecord[])[],
  pick: (e: EpochRecord) => number | null,
  frame: CurveFrame,
): { x: number; y: number }[][] {
  const values = runs.flatMap((r) => r.map(pick)).filter((v): v is number => v !== null && v > 0);
  const epochs = Math.max(1, ...runs.map((r) => r.length));
  if (values.length === 0) return runs.map(() => []);
  const lo = Math.log(Math.min(...values));
  const hi = Math.log(Math.max(...values));
  const span = hi - lo || 1;
  const { width, height, pad } = frame;
  // One epoch is one point: in the middle.
  const x = (i: number) => pad + (epochs === 1 ? 0.5 : i / (epochs - 1)) * (width - 2 * pad);
  const y = (v: number) => pad + (1 - (Math.log(v) - lo) / span) * (height - 2 * pad);
  return runs.map((r) =>
    r
      .map((e, i) => ({ i, v: pick(e) }))
      .filter((p): p is { i: number; v: number } => p.v !== null && p.v > 0)
      .map((p) => ({ x: x(p.i), y: y(p.v) })),
  );
}

/** The SVG path through a curve's points. */
export const pathOf = (points: readonly { x: number; y: number }[]): string =>
  points.map((p, k) => `${k === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join('');
