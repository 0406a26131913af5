import * as tf from '@tensorflow/tfjs';
import { sizeOf, type PreparedData, type SampleSet } from '../../data/dataset';
import { withScope } from '../scope';

const BATCH = 500;

/** Runs every sample through the layers in inference mode (no noise, no dropout), in batches. */
function encodeSet(
  set: SampleSet,
  layers: tf.layers.Layer[],
  inputShape: number[],
  outputSize: number,
): SampleSet {
  const inputSize = sizeOf(inputShape);
  const images = new Float32Array(set.count * outputSize);
  for (let start = 0; start < set.count; start += BATCH) {
    const end = Math.min(start + BATCH, set.count);
    withScope(() => {
      let x = tf.tensor(set.images.subarray(start * inputSize, end * inputSize), [
        end - start,
        ...inputShape,
      ]);
      for (const layer of layers) x = layer.apply(x, { training: false }) as tf.Tensor;
      images.set(x.dataSync(), start * outputSize);
    });
  }
  return { images, labels: set.labels, count: set.count };
}

/**
 * The codes of the already trained encoder layers, as a data set of their own: what the next
 * greedy phase learns to reconstruct.
 */
export function encodeData(
  data: PreparedData,
  layers: tf.layers.Layer[],
  inputShape: number[],
): PreparedData {
  const last = layers.at(-1)!.getOutputAt(0) as tf.SymbolicTensor;
  const codeShape = last.shape.slice(1) as number[];
  const size = sizeOf(codeShape);
  return {
    ...data,
    name: `${data.name} (codes)`,
    sampleShape: codeShape,
    sampleSize: size,
    train: encodeSet(data.train, layers, inputShape, size),
    validation: encodeSet(data.validation, layers, inputShape, size),
  };
}
