import * as tf from '@tensorflow/tfjs';
import type { EventPayload } from '../../../shared/contract/events';
import type { PreparedData } from '../data/dataset';
import type { BuiltModel } from '../model';
import { withScope } from './scope';

/** How many validation samples the latent-space views get (codes, hover images, PCA). */
export const VIEW_SAMPLES = 2000;

const viewCount = (data: PreparedData) => Math.min(VIEW_SAMPLES, data.validation.count);

/** Once per run: the validation samples whose codes are sent after each epoch. */
export function samplesEvent(runId: string, data: PreparedData): EventPayload<'train.samples'> {
  const count = viewCount(data);
  return {
    runId,
    images: data.validation.images.slice(0, count * data.sampleSize),
    sampleShape: data.sampleShape,
    count,
    labels: data.validation.labels.slice(0, count),
  };
}

/** The first Dense layer's weights, one row per unit, or null when the model has no Dense layer. */
export function featuresEvent(
  runId: string,
  epoch: number,
  built: BuiltModel,
  inputShape: number[],
): EventPayload<'train.features'> | null {
  const kernel = built.firstLayerKernel();
  if (!kernel) return null;
  try {
    const [inputSize, units] = kernel.shape;
    if (inputSize !== inputShape.reduce((a, b) => a * b, 1)) return null;
    const weights = withScope(() => Float32Array.from(kernel.transpose().dataSync()));
    return { runId, epoch, weights, units, inputShape };
  } finally {
    kernel.dispose();
  }
}

const logVarModels = new WeakMap<BuiltModel, tf.LayersModel | null>();

/**
 * For a variational model, input -> the log-variance feeding its Sampling layer (the second input
 * of Sampling's call), sharing the model's weights; null for other models.
 */
export function logVarModel(built: BuiltModel): tf.LayersModel | null {
  if (logVarModels.has(built)) return logVarModels.get(built) ?? null;
  const sampling = built.spec.config.layers.find((l) => l.class_name === 'Sampling');
  const source = sampling?.inbound_nodes[0]?.[1]?.[0];
  let model: tf.LayersModel | null = null;
  if (source) {
    const output = built.model.getLayer(source).output as tf.SymbolicTensor;
    model = tf.model({ inputs: built.model.inputs, outputs: output });
  }
  logVarModels.set(built, model);
  return model;
}

/** Code values of the view samples (inference mode), with their labels. */
export function codesEvent(
  runId: string,
  epoch: number,
  built: BuiltModel,
  data: PreparedData,
  inputShape: number[],
): EventPayload<'train.codes'> {
  const count = viewCount(data);
  return withScope(() => {
    const x = tf.tensor(data.validation.images.subarray(0, count * data.sampleSize), [
      count,
      ...inputShape,
    ]);
    const codes = built.encoder.predict(x, { batchSize: count }) as tf.Tensor;
    const codeSize = codes.size / count;
    const logVar = logVarModel(built)?.predict(x, { batchSize: count }) as tf.Tensor | undefined;
    return {
      runId,
      epoch,
      codes: Float32Array.from(codes.dataSync()),
      codeSize,
      count,
      labels: data.validation.labels.slice(0, count),
      logVar: logVar && logVar.size === codes.size ? Float32Array.from(logVar.dataSync()) : null,
    };
  });
}
