import * as tf from '@tensorflow/tfjs';
import type { EventPayload } from '../../../shared/contract/events';
import type { PreparedData } from '../data/dataset';
import type { BuiltModel } from '../model';
import { readScoped } from './scope';

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
function featuresParts(built: BuiltModel, inputShape: number[]) {
  const kernel = built.firstLayerKernel();
  if (!kernel) return null;
  const [inputSize, units] = kernel.shape;
  if (inputSize !== inputShape.reduce((a, b) => a * b, 1)) {
    kernel.dispose();
    return null;
  }
  return { units, tensors: () => [kernel.transpose()], dispose: () => kernel.dispose() };
}

/** The first Dense layer's weights, read asynchronously (WebGPU in Node as wasm); null without one. */
export async function featuresEventAsync(
  runId: string,
  epoch: number,
  built: BuiltModel,
  inputShape: number[],
): Promise<EventPayload<'train.features'> | null> {
  const parts = featuresParts(built, inputShape);
  if (!parts) return null;
  try {
    const [weights] = await readScoped(parts.tensors);
    return { runId, epoch, weights: Float32Array.from(weights), units: parts.units, inputShape };
  } finally {
    parts.dispose();
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
function codesParts(
  runId: string,
  epoch: number,
  built: BuiltModel,
  data: PreparedData,
  inputShape: number[],
) {
  const count = viewCount(data);
  const tensors = (): tf.Tensor[] => {
    const x = tf.tensor(data.validation.images.subarray(0, count * data.sampleSize), [
      count,
      ...inputShape,
    ]);
    const codes = built.encoder.predict(x, { batchSize: count }) as tf.Tensor;
    const logVar = logVarModel(built)?.predict(x, { batchSize: count }) as tf.Tensor | undefined;
    return logVar && logVar.size === codes.size ? [codes, logVar] : [codes];
  };
  const event = ([codes, logVar]: tf.TypedArray[]): EventPayload<'train.codes'> => ({
    runId,
    epoch,
    codes: Float32Array.from(codes),
    codeSize: codes.length / count,
    count,
    labels: data.validation.labels.slice(0, count),
    logVar: logVar ? Float32Array.from(logVar) : null,
  });
  return { tensors, event };
}

/** Code values of the view samples, read asynchronously (WebGPU in Node as wasm). */
export async function codesEventAsync(
  ...args: Parameters<typeof codesParts>
): Promise<EventPayload<'train.codes'>> {
  const parts = codesParts(...args);
  return parts.event(await readScoped(parts.tensors));
}
