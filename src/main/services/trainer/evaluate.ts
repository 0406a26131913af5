import * as tf from '@tensorflow/tfjs';
import type { EventPayload } from '../../../shared/contract/events';
import type { PreparedData } from '../data/dataset';
import type { BuiltModel } from '../model';
import { EpochBatches, identityOrder } from './batches';
import { readScoped } from './scope';

const EVAL_BATCH = 500;
export const SNAPSHOT_COUNT = 16;

export interface Evaluation {
  loss: number;
  /** Share of correct classes, for a classifier. */
  accuracy: number | null;
}

/** The validation set in batches, each one's tensors to read: its loss, and for a classifier its correct count. */
function validationBatches(built: BuiltModel, data: PreparedData, inputShape: number[]) {
  const batches = new EpochBatches(
    data.validation,
    data.sampleSize,
    inputShape,
    identityOrder(data.validation.count),
  );
  const ranges: Array<[number, number]> = [];
  for (let start = 0; start < data.validation.count; start += EVAL_BATCH)
    ranges.push([start, Math.min(start + EVAL_BATCH, data.validation.count)]);
  const tensors =
    ([start, end]: [number, number]) =>
    (): tf.Tensor[] => {
      const x = batches.slice(start, end);
      const y = built.task === 'classify' ? batches.oneHot(start, end, built.classes ?? 0) : x;
      const { output, terms } = built.forward(x, false);
      let total: tf.Tensor = built.lossOf(output, y);
      for (const term of Object.values(terms)) total = total.add(term);
      return built.task === 'classify'
        ? [total, output.argMax(-1).equal(y.argMax(-1)).sum()]
        : [total];
    };
  let sum = 0;
  let correct = 0;
  const add = ([start, end]: [number, number], [total, right]: ArrayLike<number>[]) => {
    sum += total[0] * (end - start);
    if (right) correct += right[0];
  };
  const result = (): Evaluation => {
    const n = data.validation.count;
    return { loss: sum / n, accuracy: built.task === 'classify' ? correct / n : null };
  };
  return { ranges, tensors, add, result, dispose: () => batches.dispose() };
}

/**
 * The validation loss (main loss plus the extra terms) in inference mode, and accuracy for a
 * classifier. Reads asynchronously, so it runs on WebGPU in Node as on wasm.
 */
export async function evaluateAsync(
  built: BuiltModel,
  data: PreparedData,
  inputShape: number[],
): Promise<Evaluation> {
  const v = validationBatches(built, data, inputShape);
  try {
    for (const range of v.ranges) v.add(range, await readScoped(v.tensors(range)));
    return v.result();
  } finally {
    v.dispose();
  }
}

/** Reconstructions of a fixed validation sample, with the corrupted input when the graph adds noise. */
function snapshotParts(
  runId: string,
  epoch: number,
  built: BuiltModel,
  data: PreparedData,
  inputShape: number[],
) {
  const count = Math.min(SNAPSHOT_COUNT, data.validation.count);
  const originals = data.validation.images.slice(0, count * data.sampleSize);
  let hasNoisy = false;
  // [reconstructions?, noisy?]: a classifier shows its inputs, which need no reading.
  const tensors = (): tf.Tensor[] => {
    const x = tf.tensor(originals, [count, ...inputShape]);
    const corrupted = built.hasNoise ? built.forward(x, true).corrupted : null;
    hasNoisy = corrupted !== null;
    const input = corrupted ?? x;
    const recon =
      built.task === 'classify'
        ? []
        : [built.model.predict(input, { batchSize: count }) as tf.Tensor];
    return [...recon, ...(corrupted ? [corrupted] : [])];
  };
  const event = (read: tf.TypedArray[]): EventPayload<'train.snapshot'> => {
    const recon = built.task === 'classify' ? null : read[0];
    const noisy = hasNoisy ? read[read.length - 1] : null;
    return {
      runId,
      epoch,
      sampleShape: data.sampleShape,
      count,
      originals,
      noisy: noisy ? Float32Array.from(noisy) : null,
      reconstructions: recon ? Float32Array.from(recon) : originals,
      labels: Array.from(data.validation.labels.subarray(0, count)),
    };
  };
  return { tensors, event };
}

/** Reconstructions of a fixed validation sample, read asynchronously (WebGPU in Node as wasm). */
export async function snapshotAsync(
  ...args: Parameters<typeof snapshotParts>
): Promise<EventPayload<'train.snapshot'>> {
  const parts = snapshotParts(...args);
  return parts.event(await readScoped(parts.tensors));
}
