import { describe, expect, it } from 'vitest';
import { previewDataset } from './index';
import type { ImportedDataset } from './types';

const dataset = (count: number): ImportedDataset => ({
  name: 'd',
  images: Float32Array.from({ length: count * 2 }, (_, i) => i),
  sampleShape: [2, 1, 1],
  count,
  labels: null,
  labelNames: null,
});

describe('previewDataset', () => {
  it('copies samples spread evenly over the data set, eight by default', () => {
    const preview = previewDataset(dataset(16));
    expect(preview.count).toBe(8);
    expect(preview.sampleShape).toEqual([2, 1, 1]);
    // Samples 0, 2, 4, ... 14: each two values long.
    expect(Array.from(preview.images.subarray(0, 6))).toEqual([0, 1, 4, 5, 8, 9]);
  });

  it('gives every sample of a small data set and a copy, not a view', () => {
    const ds = dataset(3);
    const preview = previewDataset(ds, 10);
    expect(preview.count).toBe(3);
    expect(Array.from(preview.images)).toEqual(Array.from(ds.images));
    preview.images[0] = 99;
    expect(ds.images[0]).toBe(0);
  });

  it('gives nothing for n = 0', () => {
    expect(previewDataset(dataset(3), 0).count).toBe(0);
  });
});
