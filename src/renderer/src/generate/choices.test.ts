import { describe, expect, it } from 'vitest';
import { chooseSliders, codeVariances, defaultPair } from './choices';

describe('the interpolation the Generate view starts with', () => {
  it('starts from two different digits, not the same digit twice', () => {
    // The validation samples often begin with two of one digit (here two 7s).
    expect(defaultPair(Int32Array.from([7, 7, 7, 2, 1]), 5)).toEqual([0, 3]);
  });

  it('falls back to the first two samples when every label is the same or none is known', () => {
    expect(defaultPair(Int32Array.from([4, 4, 4]), 3)).toEqual([0, 1]);
    expect(defaultPair(null, 3)).toEqual([0, 1]);
    expect(defaultPair(Int32Array.from([4]), 1)).toEqual([0, 0]);
  });
});

describe('which held code values get a slider', () => {
  it('measures how much each code value varies over the samples', () => {
    const codes = Float32Array.from([0, 5, 1, 2, 5, 3]); // 2 samples x 3 values
    expect(Array.from(codeVariances(codes, 2, 3))).toEqual([1, 0, 1]);
  });

  it('shows the 8 most varied held values, most varied first, and keeps the rest behind More values', () => {
    // 48 values, as a plain autoencoder's code: value i varies as much as i (value 0 never).
    const variances = Array.from({ length: 48 }, (_, i) => i);
    const { shown, more } = chooseSliders(variances, [47, 46]);
    expect(shown).toEqual([45, 44, 43, 42, 41, 40, 39, 38]);
    expect(more).toHaveLength(38);
    expect(more).toContain(0);
    expect(more).not.toContain(47);
  });

  it('gives no slider to a value that never changes', () => {
    const { shown, more } = chooseSliders([0, 2, 0, 1], [1, 3]);
    expect(shown).toEqual([]);
    expect(more).toEqual([0, 2]);
  });
});
