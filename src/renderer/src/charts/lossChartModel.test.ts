import { describe, expect, it } from 'vitest';
import type { EpochRecord } from '../stores/runState';
import {
  batchPath,
  curvePath,
  lossScales,
  nearestX,
  pastCurves,
  runCurves,
  valuesAt,
  type ChartFrame,
} from './lossChartModel';

const frame: ChartFrame = {
  width: 400,
  height: 200,
  margin: { top: 10, right: 10, bottom: 30, left: 40 },
};

const record = (epoch: number, train: number, val: number, terms = {}): EpochRecord => ({
  epoch,
  x: epoch,
  trainLoss: train,
  valLoss: val,
  terms,
  seconds: 1,
});

describe('the loss chart scales', () => {
  it('spans the whole run on x so the curve grows into a fixed frame', () => {
    const s = lossScales([{ x: 0.5, loss: 0.3 }], [], 10, frame);
    expect(s.x.domain()).toEqual([0, 10]);
    expect(s.x(0)).toBe(40);
    expect(s.x(10)).toBe(390);
  });

  it('covers every batch and epoch loss on y, with higher losses drawn higher up', () => {
    const curves = runCurves([record(1, 0.2, 0.25)]);
    const s = lossScales([{ x: 0.2, loss: 0.7 }], curves, 3, frame);
    const [lo, hi] = s.y.domain();
    expect(lo).toBeLessThanOrEqual(0.2);
    expect(hi).toBeGreaterThanOrEqual(0.7);
    expect(s.y(0.7)).toBeLessThan(s.y(0.2));
    expect(s.y(hi)).toBe(10);
    expect(s.y(lo)).toBe(170);
  });

  it('on a log axis spreads a loss falling tenfold over as much height as the next tenfold', () => {
    const curves = runCurves([record(1, 1, 1), record(2, 0.1, 0.1), record(3, 0.01, 0.01)]);
    const s = lossScales([], curves, 3, frame, true);
    expect(s.y(1) - s.y(0.1)).toBeCloseTo(s.y(0.1) - s.y(0.01), 6);
  });

  it('draws nothing for empty series and a path through the points otherwise', () => {
    const s = lossScales([], [], 5, frame);
    expect(batchPath([], s)).toBe('');
    const [train] = runCurves([record(1, 0.3, 0.31), record(2, 0.2, 0.22)]);
    expect(curvePath(train.points, s)).toMatch(/^M.*L/);
  });
});

describe('the loss chart curves', () => {
  it('draws each extra term as its own line beside train and validation', () => {
    const curves = runCurves([
      record(1, 0.3, 0.3, { kl: 0.05, sparsity: 0.01 }),
      record(2, 0.2, 0.2, { kl: 0.04 }),
    ]);
    expect(curves.map((c) => c.label)).toEqual([
      'train',
      'validation',
      'KL (latent loss)',
      'sparsity penalty',
    ]);
    expect(curves[2].points).toEqual([
      { x: 1, y: 0.05 },
      { x: 2, y: 0.04 },
    ]);
    expect(curves[3].points).toHaveLength(1);
  });

  it('names a past run in its legend labels and reads every value at the epoch under the cursor', () => {
    const past = pastCurves('r1', 'Run 1 · default', [record(1, 0.5, 0.6)], 0);
    expect(past[1].label).toBe('Run 1 · default · validation');
    const curves = [...past, ...runCurves([record(1, 0.3, 0.35), record(2, 0.2, 0.25)])];
    expect(nearestX(curves, 1.3)).toBe(1);
    expect(valuesAt(curves, 1).map((v) => v.y)).toEqual([0.5, 0.6, 0.3, 0.35]);
  });
});
