import { describe, expect, it } from 'vitest';
import type { EpochRecord } from '../stores/runState';
import { curvePoints, pathOf } from './curvePoints';

const run = (losses: number[]): EpochRecord[] =>
  losses.map((l, i) => ({
    epoch: i + 1,
    x: i + 1,
    trainLoss: l,
    valLoss: l,
    terms: {},
    seconds: 0,
  }));

describe('the two runs\u2019 loss curves', () => {
  it('share one frame: the lower run lies lower on the chart', () => {
    const frame = { width: 100, height: 100, pad: 0 };
    const [a, b] = curvePoints([run([1, 0.5]), run([0.5, 0.25])], (e) => e.valLoss, frame).map(
      pathOf,
    );
    expect(a).toBe('M0.0,0.0L100.0,50.0');
    expect(b).toBe('M0.0,50.0L100.0,100.0');
  });
});
