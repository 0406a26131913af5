import { describe, expect, it } from 'vitest';
import { histogram, sharedRange } from './histogram';

describe('the code histogram', () => {
  it('counts every value in its bin, the maximum in the last one', () => {
    const h = histogram([0, 0.1, 0.5, 0.9, 1], 2);
    expect(h.counts).toEqual([2, 3]);
    expect(h.total).toBe(5);
  });

  it('gives the mean activation and the share of values near zero', () => {
    const h = histogram([0, 0.01, 0.02, 1], 4);
    expect(h.mean).toBeCloseTo(0.2575, 6);
    expect(h.nearZeroShare).toBe(0.75);
  });

  it('uses a shared range so two runs are drawn on one axis, and skips values that are not finite', () => {
    const range = sharedRange([0, 1], [-2, 0.5]);
    expect(range).toEqual({ min: -2, max: 1 });
    const h = histogram([0.5, NaN, Infinity], 3, range);
    expect(h.total).toBe(1);
    expect(h.counts).toEqual([0, 0, 1]);
  });

  it('still draws one bin for a code whose values are all the same', () => {
    const h = histogram([0.3, 0.3], 5);
    expect(h.max).toBeGreaterThan(h.min);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(2);
  });
});
