import * as tf from '@tensorflow/tfjs';
import type { CheckpointExtra, CheckpointState } from '../checkpointState';
import { readCheckpointExtras, restoreCheckpoint } from '../checkpoint';
import { flattenWeightsAsync, restoreWeights } from '../weights';
import { noCheckpointGameMessage } from './messages';
import type { Net } from './net';

/**
 * A game's checkpoint is an ordinary one (the model the views keep, the generator or the
 * autoencoder, and its optimizer, so "open the run's weights" works as for any run) plus extras:
 * the discriminator's weights, every other optimizer's state and epoch 1's sample spread.
 */
export interface GameState {
  /** The model the checkpoint's ordinary part holds, with its optimizer. */
  main: { model: tf.LayersModel; optimizer: tf.Optimizer };
  discriminator: Net;
  /** The other optimizers by part name (the discriminator's; an AAE's encoder's). */
  optimizers: Record<string, tf.Optimizer>;
  /** Epoch 1's mean pairwise distance of the fixed-noise samples, null until measured. */
  reference: number | null;
}

const DISCRIMINATOR = 'discriminator';
const REFERENCE = 'diversity-reference';

/** The extras a game's checkpoint keeps after the main model's optimizer. */
export async function gameExtras(state: GameState): Promise<CheckpointExtra[]> {
  const d = await flattenWeightsAsync(state.discriminator.model);
  let at = 0;
  const dTensors = d.tensors.map((t) => {
    const n = t.shape.reduce((a, b) => a * b, 1);
    const data = d.data.slice(at, at + n);
    at += n;
    return { ...t, data };
  });
  const extras: CheckpointExtra[] = [{ part: DISCRIMINATOR, tensors: dTensors }];
  for (const [part, optimizer] of Object.entries(state.optimizers)) {
    const named = await optimizer.getWeights();
    try {
      const values = await Promise.all(named.map((n) => n.tensor.data()));
      extras.push({
        part,
        tensors: named.map((n, i) => ({
          name: n.name,
          shape: [...n.tensor.shape],
          data: values[i] as Float32Array,
        })),
      });
    } finally {
      tf.dispose(named.filter((n) => !(n.tensor instanceof tf.Variable)).map((n) => n.tensor));
    }
  }
  if (state.reference !== null)
    extras.push({
      part: REFERENCE,
      tensors: [{ name: REFERENCE, shape: [1], data: Float32Array.of(state.reference) }],
    });
  return extras;
}

/**
 * Puts a game's checkpoint back: the main model and optimizer, the discriminator, the other
 * optimizers. Returns the epoch-1 spread, or a message when the checkpoint does not fit.
 */
export async function restoreGame(
  dir: string,
  saved: CheckpointState,
  state: GameState,
): Promise<{ problem: string } | { reference: number | null }> {
  const problem = await restoreCheckpoint(dir, saved, state.main.model, state.main.optimizer);
  if (problem) return { problem };
  const extras = await readCheckpointExtras(dir, saved);
  const d = extras.get(DISCRIMINATOR);
  if (!d) return { problem: noCheckpointGameMessage };
  const flat = new Float32Array(d.reduce((s, t) => s + t.data.length, 0));
  let at = 0;
  for (const t of d) {
    flat.set(t.data, at);
    at += t.data.length;
  }
  const dProblem = restoreWeights(state.discriminator.model, { tensors: d, data: flat });
  if (dProblem) return { problem: dProblem };
  for (const [part, optimizer] of Object.entries(state.optimizers)) {
    const tensors = extras.get(part);
    if (!tensors) return { problem: noCheckpointGameMessage };
    const named = tensors.map((t) => ({ name: t.name, tensor: tf.tensor(t.data, t.shape) }));
    await optimizer.setWeights(named);
    tf.dispose(named.map((n) => n.tensor));
  }
  return { reference: extras.get(REFERENCE)?.[0]?.data[0] ?? null };
}
