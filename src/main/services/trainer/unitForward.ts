import * as tf from '@tensorflow/tfjs';
import type { BuiltModel } from '../model';

/** Layers whose last axis holds units a person can pick (the others pass values through). */
export const UNIT_CLASSES = ['Dense', 'TiedDense', 'Conv2D', 'Conv2DTranspose', 'Code', 'Sampling'];

/**
 * One inference pass, layer by layer on real tensors, that also returns one layer's output and can
 * turn one of its units off (its value set to zero for every sample and position) for the layers
 * after it. Call inside withScope or tf.tidy.
 */
export function passWithUnit(
  built: BuiltModel,
  x: tf.Tensor,
  layerName: string,
  ablate: number | null,
): { layerOut: tf.Tensor; output: tf.Tensor } {
  const values = new Map<string, tf.Tensor>();
  let layerOut: tf.Tensor | null = null;
  for (const entry of built.spec.config.layers) {
    if (entry.class_name === 'InputLayer') {
      values.set(entry.name, tf.reshape(x, [-1, ...built.inputShape]));
      continue;
    }
    const args = (entry.inbound_nodes[0] ?? []).map((n) => values.get(n[0])!);
    const layer = built.model.getLayer(entry.name);
    let out = layer.apply(args.length === 1 ? args[0] : args, { training: false }) as tf.Tensor;
    if (entry.name === layerName) {
      layerOut = out;
      if (ablate !== null) out = tf.mul(out, unitMask(out, ablate));
    }
    values.set(entry.name, out);
  }
  if (!layerOut) throw new Error(`The model has no layer '${layerName}'.`);
  return { layerOut, output: values.get(built.spec.studio.outputLayer)! };
}

/** Ones on the last axis except a zero at `unit`, broadcast over the rest. */
function unitMask(out: tf.Tensor, unit: number): tf.Tensor {
  const units = out.shape[out.shape.length - 1] ?? 1;
  const mask = new Float32Array(units).fill(1);
  mask[unit] = 0;
  return tf.tensor1d(mask);
}

/**
 * Each sample's value of one unit: [count, ..., units] -> [count], averaged over positions. Call
 * inside a scope; the caller reads it.
 */
export function unitValues(layerOut: tf.Tensor, unit: number): tf.Tensor1D {
  const count = layerOut.shape[0] ?? 1;
  const units = layerOut.shape[layerOut.shape.length - 1] ?? 1;
  const flat = tf.reshape(layerOut, [count, -1, units]);
  const column = tf.slice(flat, [0, 0, unit], [count, -1, 1]);
  return tf.mean(column, [1, 2]) as tf.Tensor1D;
}

/** Indices of the `k` largest values, largest first. */
export function topIndices(values: ArrayLike<number>, k: number): number[] {
  return Array.from({ length: values.length }, (_, i) => i)
    .sort((a, b) => values[b] - values[a])
    .slice(0, k);
}
