import { extent, line, scaleLinear, type ScaleLinear } from 'd3';
import type { BatchPoint } from '../stores/runState';

/** One epoch's losses placed on the chart's x (epochs completed). */
export interface EpochPoint {
  x: number;
  epoch: number;
  train: number;
  val: number;
}

export interface ChartFrame {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export interface LossScales {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
}

/**
 * The chart's scales: x spans the whole run (so the curve grows into a fixed frame rather than
 * rescaling every batch), y spans every loss seen with a little headroom.
 */
export function lossScales(
  batches: readonly BatchPoint[],
  epochs: readonly EpochPoint[],
  totalEpochs: number,
  frame: ChartFrame,
): LossScales {
  const { width, height, margin } = frame;
  const losses = [...batches.map((b) => b.loss), ...epochs.flatMap((e) => [e.train, e.val])].filter(
    Number.isFinite,
  );
  const [lo = 0, hi = 1] = extent(losses);
  const pad = (hi - lo) * 0.08 || Math.abs(hi) * 0.1 || 0.1;
  const lastX = Math.max(totalEpochs, ...epochs.map((e) => e.x), ...batches.map((b) => b.x), 1);
  return {
    x: scaleLinear()
      .domain([0, lastX])
      .range([margin.left, width - margin.right]),
    y: scaleLinear()
      .domain([Math.max(0, lo - pad), hi + pad])
      .range([height - margin.bottom, margin.top])
      .nice(),
  };
}

/** The SVG path of the batch losses ('' when there are none). */
export function batchPath(points: readonly BatchPoint[], scales: LossScales): string {
  return (
    line<BatchPoint>()
      .x((p) => scales.x(p.x))
      .y((p) => scales.y(p.loss))(points as BatchPoint[]) ?? ''
  );
}

/** The SVG path through one series of epoch losses. */
export function epochPath(
  points: readonly EpochPoint[],
  series: 'train' | 'val',
  scales: LossScales,
): string {
  return (
    line<EpochPoint>()
      .defined((p) => Number.isFinite(p[series]))
      .x((p) => scales.x(p.x))
      .y((p) => scales.y(p[series]))(points as EpochPoint[]) ?? ''
  );
}
