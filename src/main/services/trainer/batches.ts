import * as tf from '@tensorflow/tfjs';
import type { SampleSet } from '../data/dataset';

/**
 * Builds input batches from shuffled rows without allocating a new JS array per batch: rows are
 * copied into one reused buffer, then into a tensor of the model's input shape.
 */
export class BatchMaker {
  private readonly buffer: Float32Array;

  constructor(
    private readonly set: SampleSet,
    private readonly sampleSize: number,
    private readonly inputShape: readonly number[],
    batchSize: number,
  ) {
    this.buffer = new Float32Array(batchSize * sampleSize);
  }

  /** Inputs for rows order[start, end), shaped [n, ...inputShape]. */
  inputs(order: ArrayLike<number>, start: number, end: number): tf.Tensor {
    const n = end - start;
    const size = this.sampleSize;
    for (let i = 0; i < n; i++) {
      const r = order[start + i];
      this.buffer.set(this.set.images.subarray(r * size, (r + 1) * size), i * size);
    }
    return tf.tensor(this.buffer.subarray(0, n * size), [n, ...this.inputShape]);
  }

  /** One-hot labels for the same rows, for a classifier. */
  oneHot(order: ArrayLike<number>, start: number, end: number, classes: number): tf.Tensor {
    const labels = new Int32Array(end - start);
    for (let i = start; i < end; i++) labels[i - start] = this.set.labels[order[i]];
    return tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), classes).toFloat());
  }
}

/** Rows 0..count-1, the identity order (validation and snapshots). */
export const identityOrder = (count: number): Int32Array =>
  Int32Array.from({ length: count }, (_, i) => i);
