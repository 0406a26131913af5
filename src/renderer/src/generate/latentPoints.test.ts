import { describe, expect, it } from 'vitest';
import {
  codeMeans,
  codeRange,
  fullCode,
  gridCodes,
  lineCodes,
  normalQuantile,
  priorGridCodes,
} from './latentPoints';

describe('latent grid points', () => {
  it('lays the grid out row by row, x growing rightwards and y upwards from the bottom row', () => {
    const codes = gridCodes(3, { min: -1, max: 1 }, { min: 0, max: 2 }, [0, 0], [0, 1]);
    expect(codes).toHaveLength(18);
    expect(Array.from(codes.subarray(0, 2))).toEqual([-1, 2]); // top left
    expect(Array.from(codes.subarray(4, 6))).toEqual([1, 2]); // top right
    expect(Array.from(codes.subarray(12, 14))).toEqual([-1, 0]); // bottom left
  });

  it('holds the code values it does not vary at the given base', () => {
    const codes = gridCodes(2, { min: 0, max: 1 }, { min: 0, max: 1 }, [7, 8, 9], [0, 2]);
    for (let i = 0; i < 4; i++) expect(codes[i * 3 + 1]).toBe(8);
    expect(Array.from(fullCode([7, 8, 9], [2, 0], 1, 2))).toEqual([2, 8, 1]);
  });

  it('spreads a prior grid over equal shares of the normal distribution', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 5);
    const codes = priorGridCodes(2, [0, 0], [0, 1]);
    expect(codes[0]).toBeCloseTo(normalQuantile(0.25), 6);
    expect(codes[1]).toBeCloseTo(normalQuantile(0.75), 6);
  });

  it('interpolates from the first code to the second, both ends included', () => {
    const codes = lineCodes([0, 10], [1, 20], 3);
    expect(Array.from(codes)).toEqual([0, 10, 0.5, 15, 1, 20]);
  });

  it('gives the mean and the range of each code value over the samples', () => {
    const codes = new Float32Array([0, 1, 2, 3, 4, 5]);
    expect(Array.from(codeMeans(codes, 3, 2))).toEqual([2, 3]);
    expect(codeRange(codes, 3, 2, 1)).toEqual({ min: 1, max: 5 });
  });
});
