import { describe, expect, it } from 'vitest';
import { buildAtlas, tileOrigin } from './spriteAtlas';
import { labelRgb } from './labelColors';

describe('the thumbnail atlas', () => {
  it('puts each grey image in its tile, in its label colour with the ink as opacity', () => {
    const images = new Float32Array(5 * 4);
    images[3 * 4 + 1] = 1; // image 3, pixel (1, 0) fully inked
    const atlas = buildAtlas(images, 5, { width: 2, height: 2, channels: 1 }, [0, 1, 2, 3, 4]);
    expect([atlas.columns, atlas.width, atlas.height]).toEqual([3, 6, 4]);
    const [left, top] = tileOrigin(atlas, 3);
    expect([left, top]).toEqual([0, 2]);
    const at = ((top + 0) * atlas.width + left + 1) * 4;
    expect(Array.from(atlas.rgba.subarray(at, at + 4))).toEqual([...labelRgb(3), 255]);
    const blank = ((top + 1) * atlas.width + left) * 4;
    expect(atlas.rgba[blank + 3]).toBe(40);
  });
});
