import { describe, expect, it } from 'vitest';
import { resizeImage } from './resize';

const close = (actual: Float32Array, expected: number[]) =>
  expected.forEach((v, i) => expect(actual[i]).toBeCloseTo(v, 5));

describe('resizeImage', () => {
  it('returns the same pixels when the size already matches', () => {
    const src = new Float32Array([1, 2, 3, 4]);
    expect(resizeImage(src, 2, 2, 1, 2, 2, 'area')).toBe(src);
  });

  it('area-averages blocks when shrinking by a whole factor', () => {
    const src = new Float32Array([1, 3, 5, 7, 1, 3, 5, 7]);
    close(resizeImage(src, 4, 2, 1, 2, 1, 'area'), [2, 6]);
  });

  it('weights partly covered pixels when shrinking by a fractional factor', () => {
    // 3 -> 2: the first output covers pixel 0 and half of pixel 1.
    close(resizeImage(new Float32Array([0, 3, 6]), 3, 1, 1, 2, 1, 'area'), [1, 5]);
  });

  it('interpolates with half-pixel centres when enlarging bilinearly', () => {
    close(resizeImage(new Float32Array([0, 4]), 2, 1, 1, 4, 1, 'bilinear'), [0, 1, 3, 4]);
  });

  it("in 'auto' mode enlarges bilinearly and shrinks by area, axis by axis", () => {
    const src = new Float32Array([0, 4, 0, 4]); // 2 wide, 2 high
    close(resizeImage(src, 2, 2, 1, 4, 1, 'auto'), [0, 1, 3, 4]);
  });

  it('keeps channels apart and preserves a constant colour', () => {
    const src = new Float32Array(5 * 3 * 3);
    for (let i = 0; i < src.length; i += 3) src.set([10, 20, 30], i);
    const out = resizeImage(src, 5, 3, 3, 2, 7, 'auto');
    expect(out.length).toBe(2 * 7 * 3);
    for (let i = 0; i < out.length; i += 3) close(out.subarray(i, i + 3), [10, 20, 30]);
  });
});
