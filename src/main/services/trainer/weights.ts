import * as tf from '@tensorflow/tfjs';
import type { FlatWeights } from './flatWeights';

export type { FlatWeights };

/**
 * The model's weights as one flat array with their names and shapes, read asynchronously: the
 * way that also works on WebGPU in Node.
 */
export async function flattenWeightsAsync(model: tf.LayersModel): Promise<FlatWeights> {
  return flatWeightsOf(model, await Promise.all(model.getWeights().map((t) => t.data())));
}

/** Flat weights from the values of the model's weights, read by the caller, in weight order. */
export function flatWeightsOf(model: tf.LayersModel, values: tf.TypedArray[]): FlatWeights {
  const tensors = model.weights.map((w) => ({
    name: w.originalName,
    shape: [...w.shape] as number[],
  }));
  const data = new Float32Array(values.reduce((n, v) => n + v.length, 0));
  let at = 0;
  for (const v of values) {
    data.set(v, at);
    at += v.length;
  }
  return { tensors, data };
}

/**
 * Puts saved weights back into a model built from the same graph. Returns a message for the
 * person when they do not fit (a file from another design), else null.
 */
export function restoreWeights(model: tf.LayersModel, saved: FlatWeights): string | null {
  const expected = model.weights;
  if (expected.length !== saved.tensors.length) {
    return `The saved weights belong to another design (${saved.tensors.length} tensors, this one has ${expected.length}).`;
  }
  for (let i = 0; i < expected.length; i++) {
    const want = expected[i].shape.join('×');
    const got = saved.tensors[i].shape.join('×');
    if (want !== got)
      return `The saved weights do not fit layer weight '${expected[i].originalName}' (${got} instead of ${want}).`;
  }
  const total = saved.tensors.reduce((n, t) => n + t.shape.reduce((a, b) => a * b, 1), 0);
  if (total !== saved.data.length) return 'The saved weights are incomplete.';
  let at = 0;
  const values = saved.tensors.map((t) => {
    const size = t.shape.reduce((a, b) => a * b, 1);
    const tensor = tf.tensor(saved.data.subarray(at, at + size), t.shape);
    at += size;
    return tensor;
  });
  model.setWeights(values);
  tf.dispose(values);
  return null;
}

/** True when every weight is a finite number. */
export const allFinite = (weights: FlatWeights): boolean =>
  weights.data.every((v) => Number.isFinite(v));
