import { describe, expect, it } from 'vitest';
import { BAND_GAP, composeGrid, imageGeometry } from './imageGrid';

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

describe('a wrapped reconstruction grid', () => {
  it('keeps each original right above its reconstruction when the rows wrap into bands', () => {
    const geometry = { height: 1, width: 1, channels: 1 };
    const originals = new Float32Array([1, 1, 1, 1]);
    const recon = new Float32Array([0, 0, 0, 0.5]);
    const grid = composeGrid([originals, recon], 4, geometry, 2);
    expect(grid.width).toBe(2 + 3);
    expect(grid.height).toBe(4 + 5 + BAND_GAP);
    const at = (x: number, y: number) => grid.rgba[(y * grid.width + x) * 4];
    expect(at(1, 1)).toBe(255); // sample 0 original
    expect(at(1, 3)).toBe(0); // sample 0 reconstruction, right below
    expect(at(3, 5 + BAND_GAP)).toBe(255); // sample 3 original, second band
    expect(at(3, 7 + BAND_GAP)).toBe(128); // sample 3 reconstruction
  });
});

describe('a grid of pictures decoded as bytes', () => {
  it('draws bytes as they are, the same bitmap as their floats, grey or in colour', () => {
    for (const channels of [1, 3]) {
      const geometry = { height: 3, width: 2, channels };
      const size = 3 * 2 * channels * 4;
      const floats = Float32Array.from({ length: size }, (_, i) => ((i * 37) % 256) / 255);
      const bytes = Uint8Array.from({ length: size }, (_, i) => (i * 37) % 256);
      const fromFloats = composeGrid([floats], 4, geometry, 2);
      const fromBytes = composeGrid([bytes], 4, geometry, 2);
      expect(fromBytes.width).toBe(fromFloats.width);
      expect(Array.from(fromBytes.rgba)).toEqual(Array.from(fromFloats.rgba));
    }
  });
});
