import { describe, expect, it } from 'vitest';
import { batchPath, epochPath, lossScales, type ChartFrame } from './lossChartModel';

const frame: ChartFrame = {
  width: 400,
  height: 200,
  margin: { top: 10, right: 10, bottom: 30, left: 40 },
};

describe('the loss chart scales', () => {
  it('spans the whole run on x so the curve grows into a fixed frame', () => {
    const s = lossScales([{ x: 0.5, loss: 0.3 }], [], 10, frame);
    expect(s.x.domain()).toEqual([0, 10]);
    expect(s.x(0)).toBe(40);
    expect(s.x(10)).toBe(390);
  });

  it('covers every batch and epoch loss on y, with higher losses drawn higher up', () => {
    const s = lossScales(
      [{ x: 0.2, loss: 0.7 }],
      [{ x: 1, epoch: 1, train: 0.2, val: 0.25 }],
      3,
      frame,
    );
    const [lo, hi] = s.y.domain();
    expect(lo).toBeLessThanOrEqual(0.2);
    expect(hi).toBeGreaterThanOrEqual(0.7);
    expect(s.y(0.7)).toBeLessThan(s.y(0.2));
    expect(s.y(hi)).toBe(10);
    expect(s.y(lo)).toBe(170);
  });

  it('draws nothing for empty series and a path through the points otherwise', () => {
    const s = lossScales([], [], 5, frame);
    expect(batchPath([], s)).toBe('');
    const points = [
      { x: 1, epoch: 1, train: 0.3, val: 0.31 },
      { x: 2, epoch: 2, train: 0.2, val: 0.22 },
    ];
    expect(epochPath(points, 'train', lossScales([], points, 5, frame))).toMatch(/^M.*L/);
  });
});
