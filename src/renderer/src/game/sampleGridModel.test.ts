import { describe, expect, it } from 'vitest';
import { keepGenerated } from '../../../shared/project/gameRecord';
import { frameAt, frameValues, gridColumns, tileGrid, TILE_GAP } from './sampleGridModel';

const pixel = (bitmap: { width: number; rgba: Uint8ClampedArray }, x: number, y: number) =>
  bitmap.rgba[(y * bitmap.width + x) * 4];

describe('the fixed-noise sample grid', () => {
  it('lays 100 samples out 10 by 10, 64 as 8 by 8 and 10 as 4 columns', () => {
    expect(gridColumns(100)).toBe(10);
    expect(gridColumns(64)).toBe(8);
    expect(gridColumns(10)).toBe(4);
    expect(gridColumns(1)).toBe(1);
  });

  it('makes a 10 x 10 grid of 28-pixel digits with an even gap around and between them', () => {
    const grid = tileGrid(new Float32Array(100 * 784), 100, { height: 28, width: 28, channels: 1 });
    expect(grid.width).toBe(10 * 28 + 11 * TILE_GAP);
    expect(grid.height).toBe(10 * 28 + 11 * TILE_GAP);
  });

  it('puts sample s in row s / 10 and column s % 10, each value as its grey', () => {
    const values = new Float32Array(100 * 4);
    values.fill(1, 23 * 4, 24 * 4); // sample 23: row 2, column 3, all white
    const grid = tileGrid(values, 100, { height: 2, width: 2, channels: 1 });
    const left = TILE_GAP + 3 * (2 + TILE_GAP);
    const top = TILE_GAP + 2 * (2 + TILE_GAP);
    expect(pixel(grid, left, top)).toBe(255);
    expect(pixel(grid, left + 1, top + 1)).toBe(255);
    expect(pixel(grid, left + 2, top)).not.toBe(255); // the gap after it
    expect(pixel(grid, TILE_GAP, TILE_GAP)).toBe(0); // sample 0 is black
  });

  it('reads kept grey frames back as values in [0, 1], the newest unless an epoch is picked', () => {
    let kept = null;
    for (const epoch of [1, 2, 3]) {
      kept = keepGenerated(kept, {
        epoch,
        sampleShape: [4],
        count: 2,
        samples: Float32Array.from([0, 0.5, 1, epoch / 10, 0, 0, 0, 0]),
      });
    }
    expect(frameAt(kept, null)?.frame.epoch).toBe(3);
    expect(frameAt(kept, 0)?.frame.epoch).toBe(1);
    expect(frameAt(kept, 99)?.index).toBe(2);
    const values = frameValues(frameAt(kept, null)!.frame);
    expect(values).toHaveLength(8);
    expect(values[1]).toBeCloseTo(0.5, 2);
    expect(values[3]).toBeCloseTo(0.3, 2);
    expect(frameAt(null, null)).toBeNull();
  });
});
