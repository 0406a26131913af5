import { describe, expect, it } from 'vitest';
import {
  codeWindow,
  densityShading,
  firstTwo,
  heat,
  meanAndSd,
  priorDensity,
  SIGMA_LEVELS,
} from './priorDensity';

const normal = { distribution: 'normal' as const, size: 2, spread: 1 };
const uniform = { distribution: 'uniform' as const, size: 2, spread: 1 };

describe('the prior behind the codes', () => {
  it('is the 2-D standard normal density, and flat on the uniform square', () => {
    expect(priorDensity(normal, 0, 0)).toBeCloseTo(1 / (2 * Math.PI), 6);
    expect(priorDensity(normal, 1, 0) / priorDensity(normal, 0, 0)).toBeCloseTo(Math.exp(-0.5), 6);
    expect(priorDensity(uniform, 0.9, -0.9)).toBeCloseTo(0.25, 6);
    expect(priorDensity(uniform, 1.1, 0)).toBe(0);
  });

  it('shades brightest at the centre and darkest far out, with contour lines on the 1, 2 and 3 sd rings', () => {
    const size = 101;
    const half = 3.5;
    const bitmap = densityShading(normal, { half }, size);
    const at = (px: number, py: number) => bitmap.rgba[(py * size + px) * 4 + 2];
    const centre = at(50, 50);
    expect(centre).toBe(heat(1)[2]);
    expect(at(2, 2)).toBe(heat(0)[2]);
    // Along the middle row the contour colour appears where the radius crosses 1, 2 and 3.
    const contour = [...Array(size).keys()]
      .filter((px) => at(px, 50) === 190)
      .map((px) => ((px + 0.5) / size) * 2 * half - half);
    for (const r of [1, 2, 3]) expect(contour.some((x) => Math.abs(x - r) < 0.1)).toBe(true);
    expect(SIGMA_LEVELS[0]).toBeCloseTo(0.6065, 3);
  });

  it('shows the prior out to 3.5 sd, wider when codes lie farther out', () => {
    expect(codeWindow(normal, [0.1], [0.2]).half).toBeCloseTo(3.5);
    const far = Float32Array.from({ length: 200 }, (_, i) => (i % 2 ? 6 : -6));
    expect(codeWindow(normal, far, far).half).toBeGreaterThan(6);
  });

  it('takes the first two values of wider codes, and reports their mean and sd', () => {
    const codes = Float32Array.from([1, 2, 9, 3, 4, 9]);
    const { xs, ys } = firstTwo(codes, 3, 2);
    expect([...xs]).toEqual([1, 3]);
    expect([...ys]).toEqual([2, 4]);
    expect(meanAndSd(xs)).toEqual({ mean: 2, sd: 1 });
  });
});
