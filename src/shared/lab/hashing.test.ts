import { describe, expect, it } from 'vitest';
import {
  binarize,
  bitsOf,
  columnMedians,
  hammingDistances,
  nearestByHamming,
  popcount,
} from './hashing';

describe('semantic hashing bits', () => {
  it('cuts a sigmoid code at 0.5 and counts differing bits as the Hamming distance', () => {
    const codes = Float32Array.from([0.9, 0.1, 0.8, 0.2, 0.9, 0.1, 0.7, 0.3, 0.2]);
    const binary = binarize(codes, 3, 3, 'half');
    expect(Array.from(binary.words)).toEqual([0b101, 0b010, 0b001]);
    expect(Array.from(hammingDistances(binary, bitsOf(binary, 0)))).toEqual([0, 3, 1]);
    expect(nearestByHamming(binary, bitsOf(binary, 0), 1, 0)).toEqual([2]);
  });

  it('cuts any other code at each unit’s median, so each bit is on for half the images', () => {
    const codes = Float32Array.from([-5, 10, -3, 20, -1, 30, 1, 40]);
    expect(Array.from(columnMedians(codes, 4, 2))).toEqual([-2, 25]);
    const binary = binarize(codes, 4, 2, 'median');
    expect(Array.from(binary.words)).toEqual([0b00, 0b00, 0b11, 0b11]);
  });

  it('packs codes longer than 32 values across words and counts every bit', () => {
    const size = 70;
    const codes = new Float32Array(2 * size);
    for (let j = 0; j < size; j++) codes[size + j] = 1;
    const binary = binarize(codes, 2, size, 'half');
    expect(binary.wordsPer).toBe(3);
    expect(hammingDistances(binary, bitsOf(binary, 0))[1]).toBe(70);
    expect(popcount(0xffffffff)).toBe(32);
  });
});
