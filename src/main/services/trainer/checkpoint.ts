import * as tf from '@tensorflow/tfjs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Result } from '../../../shared/contract/result';
import { ok } from '../../../shared/contract/result';
import { writeFileAtomic } from '../files';
import { fsFailure } from '../fsFailure';
import {
  CHECKPOINT_STATE,
  readCheckpoint,
  type CheckpointBase,
  type CheckpointExtra,
  type CheckpointState,
} from './checkpointState';
import { flattenWeightsAsync, restoreWeights } from './weights';

/**
 * Writes the model's and the optimizer's weights, then the state that names them. Each file is
 * written atomically and the weights file carries the epoch, so a crash at any moment leaves the
 * previous checkpoint whole.
 *
 * Best-effort: a checkpoint only lets a run continue after a crash, so a read-only or full data
 * folder returns E_READ_ONLY or E_DISK_FULL in words for the trainer to pass on as a warning,
 * and training goes on. It never throws for a file-system failure.
 */
export async function writeCheckpoint(
  dir: string,
  base: CheckpointBase,
  epoch: number,
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  /** More tensors to keep after the optimizer's (a game's other player and its optimizer). */
  extras: CheckpointExtra[] = [],
): Promise<Result<null>> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    return checkpointFailure(error, dir);
  }
  const weights = await flattenWeightsAsync(model);
  const named = await optimizer.getWeights();
  const optimizerData = await Promise.all(
    named.map((n) => n.tensor.data() as Promise<Float32Array>),
  );
  for (const extra of extras) optimizerData.push(...extra.tensors.map((t) => t.data));
  const total = weights.data.length + optimizerData.reduce((s, d) => s + d.length, 0);
  const all = new Float32Array(total);
  all.set(weights.data, 0);
  let at = weights.data.length;
  for (const d of optimizerData) {
    all.set(d, at);
    at += d.length;
  }
  // The moment estimates are the optimizer's own variables; only the iteration count is a new tensor.
  tf.dispose(named.filter((n) => !(n.tensor instanceof tf.Variable)).map((n) => n.tensor));
  const weightsFile = `weights-${epoch}.bin`;
  try {
    await writeFileAtomic(join(dir, weightsFile), new Uint8Array(all.buffer));
  } catch (error) {
    return checkpointFailure(error, dir);
  }
  const previous = await readCheckpoint(dir);
  const state: CheckpointState = {
    ...base,
    epoch,
    weightsFile,
    weights: weights.tensors,
    optimizer: named.map((n) => ({ name: n.name, shape: [...n.tensor.shape] })),
    ...(extras.length === 0
      ? {}
      : {
          extras: extras.map((e) => ({
            part: e.part,
            tensors: e.tensors.map(({ name, shape }) => ({ name, shape })),
          })),
        }),
    savedAt: new Date().toISOString(),
  };
  try {
    await writeFileAtomic(join(dir, CHECKPOINT_STATE), JSON.stringify(state));
  } catch (error) {
    // The state still names the previous weights file, which is whole: only this epoch is lost.
    await rm(join(dir, weightsFile), { force: true }).catch(() => undefined);
    return checkpointFailure(error, dir);
  }
  if (previous && previous.weightsFile !== weightsFile)
    await rm(join(dir, previous.weightsFile), { force: true }).catch(() => undefined);
  return ok(null);
}

const checkpointFailure = (error: unknown, dir: string): Result<null> =>
  fsFailure(
    error,
    `keep a checkpoint of this run in ${dir}, so it cannot be continued after a crash; training goes on`,
  );

/** Puts a checkpoint's weights into the model and the optimizer; returns a message when it does not fit. */
export async function restoreCheckpoint(
  dir: string,
  state: CheckpointState,
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
): Promise<string | null> {
  const bytes = await readFile(join(dir, state.weightsFile));
  const all = new Float32Array(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  );
  const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);
  const modelSize = state.weights.reduce((s, t) => s + size(t.shape), 0);
  const problem = restoreWeights(model, {
    tensors: state.weights,
    data: all.subarray(0, modelSize),
  });
  if (problem) return problem;
  let at = modelSize;
  const named = state.optimizer.map((t) => {
    const n = size(t.shape);
    const tensor = tf.tensor(all.subarray(at, at + n), t.shape);
    at += n;
    return { name: t.name, tensor };
  });
  await optimizer.setWeights(named);
  tf.dispose(named.map((n) => n.tensor));
  return null;
}

/** The extra groups of tensors a checkpoint keeps after its optimizer's, by part; empty when none. */
export async function readCheckpointExtras(
  dir: string,
  state: CheckpointState,
): Promise<Map<string, CheckpointExtra['tensors']>> {
  const out = new Map<string, CheckpointExtra['tensors']>();
  if (!state.extras?.length) return out;
  const bytes = await readFile(join(dir, state.weightsFile));
  const all = new Float32Array(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  );
  const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);
  let at = [...state.weights, ...state.optimizer].reduce((s, t) => s + size(t.shape), 0);
  for (const extra of state.extras) {
    const tensors = extra.tensors.map((t) => {
      const data = all.slice(at, at + size(t.shape));
      at += size(t.shape);
      return { ...t, data };
    });
    if (at > all.length) break;
    out.set(extra.part, tensors);
  }
  return out;
}

export { readCheckpoint };
