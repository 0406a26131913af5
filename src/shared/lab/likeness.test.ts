import { describe, expect, it } from 'vitest';
import { labelVotes, pixelCorrelation } from './likeness';

describe('how much a reconstruction resembles the drawing', () => {
  it('is 1 for the same strokes at another brightness and near 0 for unrelated pictures', () => {
    const drawing = [0, 1, 1, 0, 0, 1];
    expect(pixelCorrelation(drawing, [0.1, 0.6, 0.6, 0.1, 0.1, 0.6])).toBeCloseTo(1);
    expect(pixelCorrelation(drawing, [1, 0, 0, 1, 1, 0])).toBeCloseTo(-1);
    expect(pixelCorrelation(drawing, [0, 0, 0, 0, 0, 0])).toBe(0);
  });

  it('counts the labels of the neighbours found, most frequent first', () => {
    expect(labelVotes([3, 7, 3, 1, 7, 3], [0, 1, 2, 4, 5])).toEqual([
      [3, 3],
      [7, 2],
    ]);
  });
});
