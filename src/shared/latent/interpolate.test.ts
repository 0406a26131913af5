import { describe, expect, it } from 'vitest';
import { gaussianSampler } from './gaussian';
import { interpolationPath, lerp, slerp } from './interpolate';

const draw = (dim: number, normal: () => number) => Float32Array.from({ length: dim }, normal);
const norm = (v: Float32Array) => Math.hypot(...v);

describe('spherical interpolation of Gaussian codes', () => {
  const dim = 64;
  // A standard normal in 64-D has length √64 = 8 give or take about 0.7: the typical shell.
  const shell = { low: Math.sqrt(dim) - 3 * Math.SQRT1_2, high: Math.sqrt(dim) + 3 * Math.SQRT1_2 };

  it('keeps every point of the path in the typical shell, where linear interpolation leaves it', () => {
    const normal = gaussianSampler(21);
    for (let pair = 0; pair < 20; pair++) {
      const a = draw(dim, normal);
      const b = draw(dim, normal);
      for (let s = 0; s <= 10; s++) {
        const length = norm(slerp(a, b, s / 10));
        expect(length).toBeGreaterThan(shell.low);
        expect(length).toBeLessThan(shell.high);
      }
      // The middle of the straight line sinks to about √(d/2) ≈ 5.7, far inside: the reason for slerp.
      expect(norm(lerp(a, b, 0.5))).toBeLessThan(0.85 * Math.sqrt(dim));
    }
  });

  it('starts and ends exactly on the two codes', () => {
    const normal = gaussianSampler(4);
    const a = draw(dim, normal);
    const b = draw(dim, normal);
    const path = interpolationPath(a, b, 7, 'spherical');
    expect(Array.from(path.subarray(0, dim))).toEqual(Array.from(a));
    expect(Array.from(path.subarray(6 * dim))).toEqual(Array.from(b));
    expect(Array.from(slerp(a, b, 0))).toEqual(Array.from(a));
    expect(Array.from(slerp(a, b, 1))).toEqual(Array.from(b));
  });

  it('falls back to the straight line for codes pointing the same way or a zero code', () => {
    const a = Float32Array.from([1, 2]);
    expect(Array.from(slerp(a, Float32Array.from([2, 4]), 0.5))).toEqual([1.5, 3]);
    expect(Array.from(slerp(new Float32Array(2), a, 0.5))).toEqual([0.5, 1]);
  });

  it('turns at a constant rate between two orthogonal unit codes', () => {
    const mid = slerp([1, 0], [0, 1], 0.5);
    expect(mid[0]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(mid[1]).toBeCloseTo(Math.SQRT1_2, 6);
  });
});

describe('linear interpolation', () => {
  it('spaces the path evenly on the straight line, ends included', () => {
    expect(Array.from(interpolationPath([0, 0], [4, 8], 3, 'linear'))).toEqual([0, 0, 2, 4, 4, 8]);
  });
});
