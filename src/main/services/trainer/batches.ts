import * as tf from '@tensorflow/tfjs';
import type { SampleSet } from '../data/dataset';

/**
 * Batches for one epoch: the rows are put in the epoch's shuffled order once, uploaded as one
 * tensor, and each batch is a contiguous slice of it (one upload an epoch instead of one a batch).
 */
export class EpochBatches {
  private readonly inputs: tf.Tensor;
  private readonly labels: Int32Array;

  constructor(
    set: SampleSet,
    sampleSize: number,
    private readonly inputShape: readonly number[],
    order: ArrayLike<number>,
  ) {
    const n = order.length;
    const values = new Float32Array(n * sampleSize);
    this.labels = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const r = order[i];
      values.set(set.images.subarray(r * sampleSize, (r + 1) * sampleSize), i * sampleSize);
      this.labels[i] = set.labels[r];
    }
    this.inputs = tf.tensor(values, [n, ...inputShape]);
  }

  /** Inputs of rows [start, end) of the epoch's order, shaped [n, ...inputShape]. */
  slice(start: number, end: number): tf.Tensor {
    return this.inputs.slice(start, end - start);
  }

  /** One-hot labels of the same rows, for a classifier. */
  oneHot(start: number, end: number, classes: number): tf.Tensor {
    return tf.tidy(() =>
      tf.oneHot(tf.tensor1d(this.labels.subarray(start, end), 'int32'), classes).toFloat(),
    );
  }

  dispose(): void {
    this.inputs.dispose();
  }
}

/** Rows 0..count-1, the identity order (validation and snapshots). */
export const identityOrder = (count: number): Int32Array =>
  Int32Array.from({ length: count }, (_, i) => i);
