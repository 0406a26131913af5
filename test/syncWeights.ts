import type * as tf from '@tensorflow/tfjs';
import { flatWeightsOf, type FlatWeights } from '../src/main/services/trainer/weights';

/**
 * A model's flat weights, read synchronously: for tests on cpu and wasm only. The trainer reads
 * them with flattenWeightsAsync (WebGPU in Node cannot read synchronously), and its guard test
 * (src/main/services/trainer/asyncReads.test.ts) keeps synchronous reads out of it.
 */
export function flattenWeights(model: tf.LayersModel): FlatWeights {
  return flatWeightsOf(
    model,
    model.getWeights().map((t) => t.dataSync()),
  );
}
