import { describe, expect, it } from 'vitest';
import { meanOfRows, selectInBox, selectInPolygon } from './selection';

// Points at (0,0) (10,10) (20,20) (10,0) in pixels.
const pixels = Float32Array.from([0, 0, 10, 10, 20, 20, 10, 0]);

describe('lasso and box selection', () => {
  it('selects the points inside a lasso drawn around them, and none outside', () => {
    const triangle = [-5, -5, 30, -5, -5, 30]; // the lower-left half, (20,20) outside
    expect(Array.from(selectInPolygon(pixels, 4, triangle))).toEqual([0, 1, 3]);
  });

  it('selects nothing for a lasso of fewer than three corners', () => {
    expect(selectInPolygon(pixels, 4, [0, 0, 30, 30]).length).toBe(0);
  });

  it('selects the points in a box drawn in any direction', () => {
    expect(
      Array.from(selectInBox(pixels, 4, [15, 15] as unknown as [number, number], [5, -1])),
    ).toEqual([1, 3]);
  });

  it('gives the mean code of a selection', () => {
    const codes = Float32Array.from([1, 2, 3, 4, 5, 6]);
    expect(Array.from(meanOfRows(codes, 2, [0, 2]))).toEqual([3, 4]);
  });
});
