import * as tf from '@tensorflow/tfjs';
import type { EventPayload } from '../../../shared/contract/events';
import type { PreparedData } from '../data/dataset';
import type { BuiltModel } from '../model';
import { EpochBatches, identityOrder } from './batches';
import { withScope } from './scope';

const EVAL_BATCH = 500;
export const SNAPSHOT_COUNT = 16;

export interface Evaluation {
  loss: number;
  /** Share of correct classes, for a classifier. */
  accuracy: number | null;
}

/** The validation loss (main loss plus the extra terms) in inference mode, and accuracy for a classifier. */
export function evaluate(built: BuiltModel, data: PreparedData, inputShape: number[]): Evaluation {
  const batches = new EpochBatches(
    data.validation,
    data.sampleSize,
    inputShape,
    identityOrder(data.validation.count),
  );
  let sum = 0;
  let correct = 0;
  for (let start = 0; start < data.validation.count; start += EVAL_BATCH) {
    const end = Math.min(start + EVAL_BATCH, data.validation.count);
    withScope(() => {
      const x = batches.slice(start, end);
      const y = built.task === 'classify' ? batches.oneHot(start, end, built.classes ?? 0) : x;
      const { output, terms } = built.forward(x, false);
      let total: tf.Tensor = built.lossOf(output, y);
      for (const term of Object.values(terms)) total = total.add(term);
      sum += total.dataSync()[0] * (end - start);
      if (built.task === 'classify') {
        correct += output.argMax(-1).equal(y.argMax(-1)).sum().dataSync()[0];
      }
    });
  }
  batches.dispose();
  const n = data.validation.count;
  return { loss: sum / n, accuracy: built.task === 'classify' ? correct / n : null };
}

/** Reconstructions of a fixed validation sample, with the corrupted input when the graph adds noise. */
export function snapshot(
  runId: string,
  epoch: number,
  built: BuiltModel,
  data: PreparedData,
  inputShape: number[],
): EventPayload<'train.snapshot'> {
  const count = Math.min(SNAPSHOT_COUNT, data.validation.count);
  const originals = data.validation.images.slice(0, count * data.sampleSize);
  return withScope(() => {
    const x = tf.tensor(originals, [count, ...inputShape]);
    let noisy: Float32Array<ArrayBuffer> | null = null;
    let input = x;
    if (built.hasNoise) {
      const corrupted = built.forward(x, true).corrupted;
      if (corrupted) {
        input = corrupted;
        noisy = Float32Array.from(corrupted.dataSync());
      }
    }
    const reconstructions =
      built.task === 'classify'
        ? originals
        : Float32Array.from(
            (built.model.predict(input, { batchSize: count }) as tf.Tensor).dataSync(),
          );
    return {
      runId,
      epoch,
      sampleShape: data.sampleShape,
      count,
      originals,
      noisy,
      reconstructions,
      labels: Array.from(data.validation.labels.subarray(0, count)),
    };
  });
}
