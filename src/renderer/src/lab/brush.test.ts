import { describe, expect, it } from 'vitest';
import { dab, hasInk, PAD_SIDE, stroke } from './brush';

const at = (pixels: Float32Array, col: number, row: number) => pixels[row * PAD_SIDE + col];

describe('the drawing pad’s brush', () => {
  it('paints a soft dot: full ink under the pen, fading at its edge, nothing far away', () => {
    const pixels = new Float32Array(PAD_SIDE * PAD_SIDE);
    dab(pixels, 14, 14, false);
    expect(at(pixels, 13, 13)).toBe(1);
    expect(at(pixels, 15, 13)).toBeGreaterThan(0);
    expect(at(pixels, 15, 13)).toBeLessThan(1);
    expect(at(pixels, 20, 20)).toBe(0);
  });

  it('draws a stroke without gaps and erases it again', () => {
    const pixels = new Float32Array(PAD_SIDE * PAD_SIDE);
    stroke(pixels, [4, 14], [24, 14], false);
    for (let col = 4; col < 24; col++) expect(at(pixels, col, 13)).toBeGreaterThan(0.9);
    // The eraser is as soft as the pen: three passes cover the pen's soft edge too.
    for (const y of [13, 14, 15]) stroke(pixels, [0, y], [28, y], true);
    expect(hasInk(pixels)).toBe(false);
  });

  it('stays inside the pad at its border', () => {
    const pixels = new Float32Array(PAD_SIDE * PAD_SIDE);
    dab(pixels, 0, 0, false);
    dab(pixels, 27.9, 27.9, false);
    expect(pixels.length).toBe(PAD_SIDE * PAD_SIDE);
    expect(at(pixels, 0, 0)).toBe(1);
  });
});
