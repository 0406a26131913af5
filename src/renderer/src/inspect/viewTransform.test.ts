import { describe, expect, it } from 'vitest';
import { apply, IDENTITY, invert, panBy, zoomAt } from './viewTransform';

describe('the scatter view transform', () => {
  it('keeps the point under the cursor in place while zooming', () => {
    const v = zoomAt(panBy(IDENTITY, 10, -5), 120, 80, 3);
    const before = invert(panBy(IDENTITY, 10, -5), 120, 80);
    expect(apply(v, before[0], before[1])).toEqual([120, 80]);
    expect(v.k).toBe(3);
  });

  it('never zooms out past the whole frame nor in past 40 times', () => {
    expect(zoomAt(IDENTITY, 0, 0, 0.5).k).toBe(1);
    expect(zoomAt(IDENTITY, 0, 0, 100).k).toBe(40);
  });

  it('maps screen positions back to the frame', () => {
    const v = { k: 2, tx: 4, ty: 6 };
    expect(invert(v, ...apply(v, 7, 9))).toEqual([7, 9]);
  });
});
