import * as tf from '@tensorflow/tfjs';
import { sizeOf, type PreparedData, type SampleSet } from '../../data/dataset';
import { readScoped } from '../scope';

const BATCH = 500;

/**
 * Runs every sample through the layers in inference mode (no noise, no dropout), in batches, read
 * asynchronously (WebGPU in Node as wasm).
 */
async function encodeSet(
  set: SampleSet,
  layers: tf.layers.Layer[],
  inputShape: number[],
  outputSize: number,
): Promise<SampleSet> {
  const inputSize = sizeOf(inputShape);
  const images = new Float32Array(set.count * outputSize);
  for (let start = 0; start < set.count; start += BATCH) {
    const end = Math.min(start + BATCH, set.count);
    const [codes] = await readScoped(() => {
      let x = tf.tensor(set.images.subarray(start * inputSize, end * inputSize), [
        end - start,
        ...inputShape,
      ]);
      for (const layer of layers) x = layer.apply(x, { training: false }) as tf.Tensor;
      return [x];
    });
    images.set(codes, start * outputSize);
  }
  return { images, labels: set.labels, count: set.count };
}

/**
 * The codes of the already trained encoder layers, as a data set of their own: what the next
 * greedy phase learns to reconstruct.
 */
export async function encodeData(
  data: PreparedData,
  layers: tf.layers.Layer[],
  inputShape: number[],
): Promise<PreparedData> {
  const last = layers.at(-1)!.getOutputAt(0) as tf.SymbolicTensor;
  const codeShape = last.shape.slice(1) as number[];
  const size = sizeOf(codeShape);
  return {
    ...data,
    name: `${data.name} (codes)`,
    sampleShape: codeShape,
    sampleSize: size,
    train: await encodeSet(data.train, layers, inputShape, size),
    validation: await encodeSet(data.validation, layers, inputShape, size),
  };
}
