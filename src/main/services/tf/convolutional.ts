import type * as tf from '@tensorflow/tfjs';

/** A layer that is itself a model (a nested functional model or Sequential) holds layers. */
const innerLayers = (layer: tf.layers.Layer): tf.layers.Layer[] =>
  (layer as unknown as { layers?: tf.layers.Layer[] }).layers ?? [];

const convolutional = (layer: tf.layers.Layer): boolean =>
  /Conv/.test(layer.getClassName()) || innerLayers(layer).some(convolutional);

/**
 * Whether any of `models` has a convolution (Conv1D/2D/3D, transposed, separable, depthwise) at
 * any depth: those run on XNNPACK's threads, and threads.ts gives the wasm pool its threads then.
 */
export const hasConvolutions = (...models: Array<tf.LayersModel | null | undefined>): boolean =>
  models.some((model) => model?.layers.some(convolutional) ?? false);
