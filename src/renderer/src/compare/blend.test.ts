import { describe, expect, it } from 'vitest';
import { alignAxes, blend, codeLayout } from './blend';

describe('blending two runs', () => {
  it('gives run A at 0, run B at 1 and the midpoint at a half', () => {
    const a = Float32Array.from([0, 1, 2]);
    const b = Float32Array.from([2, 3, 6]);
    expect(Array.from(blend(a, b, 0))).toEqual([0, 1, 2]);
    expect(Array.from(blend(a, b, 1))).toEqual([2, 3, 6]);
    expect(Array.from(blend(a, b, 0.5))).toEqual([1, 2, 4]);
  });

  it('lays codes out centred, each axis filling -1..1, an outlier pinned to the edge', () => {
    const count = 100;
    const codes = new Float32Array(count * 3);
    for (let i = 0; i < count; i++) [codes[i * 3], codes[i * 3 + 1]] = [i % 10, Math.floor(i / 10)];
    codes[99 * 3] = 1000; // one far code
    const xy = codeLayout(codes, count, 3);
    const xs = Array.from({ length: count }, (_, i) => xy[i * 2]);
    expect(Math.max(...xs.map(Math.abs))).toBe(1);
    // The other 99 spread over the frame, not squashed next to the centre.
    const spread = xs.slice(0, 99).filter((x) => Math.abs(x) > 0.3).length;
    expect(spread).toBeGreaterThan(30);
  });

  it('flips a mirrored map so the same samples land on the same side', () => {
    const a = Float32Array.from([1, 1, -1, -1, 0.5, -0.5]);
    const mirrored = Float32Array.from([-1, 1, 1, -1, -0.5, -0.5]);
    expect(Array.from(alignAxes(a, mirrored, 3))).toEqual(Array.from(a));
  });
});
