import * as tf from '@tensorflow/tfjs';
import type { EventName } from '../../../shared/contract/events';
import { DEFAULT_TRAIN_SETTINGS, dataSpecSchema } from '../../../shared/contract/training';
import { getPreset } from '../../../shared/presets';
import { takeRows, type PreparedData } from '../data/dataset';
import { loadMnist, MNIST_SHAPE } from '../data/mnist';
import { buildModel } from '../model';
import { gameOf } from '../trainer/game';
import { runGame } from '../trainer/game/run';
import { LoadedModel } from '../trainer/loadedModel';
import { runTraining, type Emit, type RunOutcome } from '../trainer/loop';
import { useWebGpu } from './webgpu';

/** One preset trained briefly through the app's training loop on WebGPU. */
export interface WebGpuRun {
  preset: string;
  status: string;
  message: string | null;
  trainLosses: number[];
  valLosses: Array<number | null>;
  /** Every event name the loop sent, once each, in first-seen order. */
  events: EventName[];
}

export type WebGpuTrainingReport =
  | {
      ok: true;
      backend: string;
      adapter: string | null;
      /** Whether a synchronous read (dataSync) fails on this backend, as it does in Node. */
      syncReadFails: boolean;
      runs: WebGpuRun[];
      /** Each game preset trained one epoch through the adversarial procedure. */
      games: WebGpuRun[];
    }
  | { ok: false; reason: string };

const TRAIN = 96;
const VALIDATION = 32;

/** 96 digits to train on and 32 others to validate on. */
async function fewDigits(): Promise<PreparedData> {
  const all = await loadMnist();
  const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
  return {
    name: 'MNIST',
    sampleShape: MNIST_SHAPE,
    sampleSize: 784,
    train: takeRows(all, rows(0, TRAIN), 784),
    validation: takeRows(all, rows(TRAIN, VALIDATION), 784),
    labels: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    notes: [],
  };
}

/**
 * Trains each preset two epochs (three batches each) through runTraining, the loop a run in the
 * app uses, on the WebGPU backend of any adapter (software ones included: the test on SwiftShader).
 * tfjs-backend-webgpu cannot read synchronously in Node, so any dataSync on that path fails the run.
 */
export async function trainOnWebGpu(
  presetIds: string[],
  gameIds: string[] = [],
): Promise<WebGpuTrainingReport> {
  const backend = await useWebGpu(true);
  if (!backend) return { ok: false, reason: 'WebGPU found no adapter, not even a software one.' };
  const data = await fewDigits();
  const runs: WebGpuRun[] = [];
  for (const id of presetIds) {
    const preset = getPreset(id);
    if (!preset) return { ok: false, reason: `The preset ${id} is missing.` };
    const built = buildModel(preset.graph, 7);
    if (!built.ok) return { ok: false, reason: `${id}: ${built.error.message}` };
    try {
      runs.push(
        await recordRun(id, (emit) =>
          runTraining(
            {
              runId: id,
              built: built.value,
              settings: { ...DEFAULT_TRAIN_SETTINGS, ...preset.settings, epochs: 2, batchSize: 32 },
              data,
              inputShape: built.value.inputShape,
              backend,
            },
            emit,
            { stopRequested: false, waitWhilePaused: () => Promise.resolve() },
          ),
        ),
      );
    } finally {
      built.value.dispose();
    }
  }
  const games: WebGpuRun[] = [];
  for (const id of gameIds) {
    const graph = getPreset(id)?.graph;
    const game = graph ? gameOf(graph) : null;
    if (!graph || !game) return { ok: false, reason: `The game preset ${id} is missing.` };
    games.push(
      await recordRun(id, async (emit) => {
        const settings = { ...DEFAULT_TRAIN_SETTINGS, epochs: 1, batchSize: 32, seed: 7 };
        const extrasSaved: number[] = [];
        const outcome = await runGame(
          {
            message: {
              type: 'start',
              runId: id,
              graph,
              settings,
              data: dataSpecSchema.parse({}),
              procedure: null,
              checkpointDir: null,
              resume: false,
            },
            game,
            data,
            backend,
            loaded: new LoadedModel(),
            control: { stopRequested: false, waitWhilePaused: () => Promise.resolve() },
            // The checkpoint's extras (the discriminator's weights, the optimizers' state) are read
            // before save is called: a run that completes read them on WebGPU.
            save: async (epoch) => void extrasSaved.push(epoch),
            resumedFrom: () => undefined,
          },
          emit,
        );
        return extrasSaved.length > 0 ? outcome : { ...outcome, message: 'nothing was saved' };
      }),
    );
  }
  let syncReadFails = false;
  try {
    // Large enough to be computed on the GPU (small ones are handed to the CPU, which can read).
    tf.tidy(() => tf.matMul(tf.ones([64, 64]), tf.ones([64, 64])).dataSync());
  } catch {
    syncReadFails = true;
  }
  return {
    ok: true,
    backend: backend.name,
    adapter: backend.adapter ?? null,
    syncReadFails,
    runs,
    games,
  };
}

/** Runs `train`, recording its events and losses as a WebGpuRun; a throw is a status too. */
async function recordRun(
  preset: string,
  train: (emit: Emit) => Promise<RunOutcome>,
): Promise<WebGpuRun> {
  const run: WebGpuRun = {
    preset,
    status: '',
    message: null,
    trainLosses: [],
    valLosses: [],
    events: [],
  };
  try {
    const outcome = await train((name, payload) => {
      if (!run.events.includes(name)) run.events.push(name);
      if (name === 'train.epoch') {
        const e = payload as { trainLoss: number; valLoss: number | null };
        run.trainLosses.push(e.trainLoss);
        run.valLosses.push(e.valLoss);
      }
    });
    [run.status, run.message] = [outcome.status, outcome.message];
  } catch (error) {
    [run.status, run.message] = ['threw', String(error)];
  }
  return run;
}
