import type { ImportedDataset } from './types';

/** A few samples for a thumbnail strip. */
export interface DatasetPreview {
  images: Float32Array;
  count: number;
  sampleShape: number[];
}

/**
 * Copies up to `n` samples spread evenly over the data set: picture folders and many files are
 * sorted by class, and the first few alone would all show the same class.
 */
export function previewDataset(ds: ImportedDataset, n = 8): DatasetPreview {
  const size = ds.sampleShape.reduce((a, b) => a * b, 1);
  const count = Math.max(0, Math.min(Math.floor(n), ds.count));
  const images = new Float32Array(count * size);
  for (let k = 0; k < count; k += 1) {
    const index = Math.floor((k * ds.count) / count);
    images.set(ds.images.subarray(index * size, (index + 1) * size), k * size);
  }
  return { images, count, sampleShape: [...ds.sampleShape] };
}
