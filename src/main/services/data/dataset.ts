/** Samples held in one flat Float32Array, row after row, with optional integer labels. */
export interface SampleSet {
  images: Float32Array;
  labels: Int32Array;
  count: number;
}

/** A data set ready to train on: a train and a validation part of one sample shape. */
export interface PreparedData {
  name: string;
  sampleShape: number[];
  sampleSize: number;
  train: SampleSet;
  validation: SampleSet;
  /** The distinct labels present, sorted. */
  labels: number[];
  /** What the reader detected and did on its own, in words (shown with the data summary). */
  notes: string[];
}

export const sizeOf = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** Copies the chosen rows of a sample set into a new one. */
export function takeRows(set: SampleSet, rows: ArrayLike<number>, sampleSize: number): SampleSet {
  const images = new Float32Array(rows.length * sampleSize);
  const labels = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    images.set(set.images.subarray(r * sampleSize, (r + 1) * sampleSize), i * sampleSize);
    labels[i] = set.labels[r];
  }
  return { images, labels, count: rows.length };
}
