import { describe, expect, it } from 'vitest';
import { composeGrid, imageGeometry } from './imageGrid';

describe('the reconstruction grid bitmap', () => {
  it('reads flat 784 samples as 28×28 grey images and keeps image shapes as given', () => {
    expect(imageGeometry([784])).toEqual({ height: 28, width: 28, channels: 1 });
    expect(imageGeometry([28, 28, 1])).toEqual({ height: 28, width: 28, channels: 1 });
    expect(imageGeometry([32, 32, 3])).toEqual({ height: 32, width: 32, channels: 3 });
    expect(imageGeometry([10])).toBeNull();
  });

  it('places each sample in its row and column, a pixel apart, with values clipped to 0..1', () => {
    const geometry = { height: 2, width: 2, channels: 1 };
    const originals = new Float32Array([1, 1, 1, 1, 0, 0, 0, 0]);
    const recon = new Float32Array([0.5, 0.5, 0.5, 0.5, 2, -1, 2, 2]);
    const grid = composeGrid([originals, recon], 2, geometry);
    expect(grid.width).toBe(2 * 2 + 3);
    expect(grid.height).toBe(2 * 2 + 3);
    const at = (x: number, y: number) => grid.rgba[(y * grid.width + x) * 4];
    expect(at(1, 1)).toBe(255); // first original
    expect(at(4, 1)).toBe(0); // second original
    expect(at(1, 4)).toBe(128); // first reconstruction
    expect(at(4, 4)).toBe(255); // 2 clipped to 1
    expect(at(5, 4)).toBe(0); // -1 clipped to 0
    expect(grid.rgba[3]).toBe(255);
  });
});
