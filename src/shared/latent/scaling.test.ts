import { describe, expect, it } from 'vitest';
import { scaleRows } from './scaling';

const rows = Float32Array.from([1, 10, 5, 3, 20, 5, 5, 30, 5]); // 3 rows of 3; column 3 constant

describe('scaling codes before projecting', () => {
  it('standardizes every column to mean 0 and sd 1, and a constant column to 0', () => {
    const out = scaleRows(rows, 3, 3, 'standardize');
    for (const j of [0, 1]) {
      const col = [out[j], out[3 + j], out[6 + j]];
      const mean = col.reduce((a, b) => a + b) / 3;
      expect(mean).toBeCloseTo(0, 6);
      expect(Math.sqrt(col.reduce((a, b) => a + (b - mean) ** 2, 0) / 3)).toBeCloseTo(1, 5);
    }
    expect([out[2], out[5], out[8]]).toEqual([0, 0, 0]);
  });

  it('normalizes every row to length 1 and leaves a row of zeros at zero', () => {
    const out = scaleRows(Float32Array.from([3, 4, 0, 0]), 2, 2, 'normalize');
    expect(out[0]).toBeCloseTo(0.6, 6);
    expect(out[1]).toBeCloseTo(0.8, 6);
    expect([out[2], out[3]]).toEqual([0, 0]);
  });

  it('leaves the values as they are with none, in a copy', () => {
    const out = scaleRows(rows, 3, 3, 'none');
    expect(Array.from(out)).toEqual(Array.from(rows));
    expect(out).not.toBe(rows);
  });
});
