import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { prepareData } from '../data/prepare';
import { buildModel } from '../model';
import { runTraining } from '../trainer/loop';
import type { EventPayload } from '../../../shared/contract/events';
import { dataSpecSchema } from '../../../shared/contract/training';
import { DEFAULT_PRESET_ID, getPreset } from '../../../shared/presets';
import { initBackend } from './backend';
import { fastKernelsInstalled, installFastKernels, uninstallFastKernels } from './kernels/install';
import {
  applyThreadsSetting,
  blasThreadsFor,
  MAX_WASM_THREADS,
  threadsFor,
  wasmThreads,
} from './threads';
import { blasName } from './native/blas';

/** The first model's starting weights: both runs start from them (layer initializers are unseeded). */
let initial: tf.Tensor[] | null = null;
let initialConv: tf.Tensor[] | null = null;

/** Trains the default preset for two epochs on 300 digits; returns the epoch losses and the run's backend. */
async function train(threads: number, presetId = DEFAULT_PRESET_ID) {
  const backend = await initBackend('wasm');
  const preset = getPreset(presetId)!;
  const data = await prepareData(dataSpecSchema.parse({ limit: 300, validationShare: 0.2 }));
  const built = buildModel(preset.graph);
  if (!built.ok) throw new Error(built.error.message);
  if (presetId !== DEFAULT_PRESET_ID) {
    if (!initialConv) initialConv = built.value.model.getWeights().map((w) => w.clone());
    built.value.model.setWeights(initialConv);
  } else if (initial) built.value.model.setWeights(initial);
  else initial = built.value.model.getWeights().map((w) => w.clone());
  const epochs: EventPayload<'train.epoch'>[] = [];
  let started: EventPayload<'train.started'> | null = null;
  await runTraining(
    {
      runId: `threads-${presetId}-${threads}`,
      built: built.value,
      settings: { ...preset.settings, epochs: 2, batchSize: 64, seed: 7, threads },
      data,
      inputShape: (preset.graph.nodes.find((n) => n.kind === 'Input')?.params.shape as
        number[] | undefined) ?? [784],
      backend,
      snapshots: false,
    },
    (name, payload) => {
      if (name === 'train.epoch') epochs.push(payload as EventPayload<'train.epoch'>);
      if (name === 'train.started') started = payload as EventPayload<'train.started'>;
    },
    { stopRequested: false, waitWhilePaused: () => Promise.resolve() },
  );
  built.value.dispose();
  return { epochs, started: started as EventPayload<'train.started'> | null };
}

describe('the wasm thread pool in Node', () => {
  it('starts tfjs-backend-wasm threaded build with the fast kernels and reports its threads', async () => {
    const info = await initBackend('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(fastKernelsInstalled()).toBe(true);
    // With products on the BLAS its threads are the ones reported, and the wasm pool waits on the
    // calling thread until a convolutional run asks for more.
    expect(info.threads).toBe(blasName() ? blasThreadsFor(0) : wasmThreads());
    if (blasName()) expect(wasmThreads()).toBe(1);
    expect(await applyThreadsSetting(2)).toBe(2);
    expect(wasmThreads()).toBe(2);
    expect(await applyThreadsSetting(1)).toBe(1);
  });

  it('reads 0 as every core and caps any setting at the pool limit of 8', () => {
    expect(threadsFor(0)).toBeGreaterThanOrEqual(1);
    expect(threadsFor(0)).toBeLessThanOrEqual(MAX_WASM_THREADS);
    expect(threadsFor(3)).toBe(3);
    expect(threadsFor(64)).toBe(MAX_WASM_THREADS);
  });

  it('trains the same loss curve on 2 threads as on 1 for a fixed seed, and says how many ran', async () => {
    const one = await train(1);
    const two = await train(2);
    expect(one.started?.backend.threads).toBe(1);
    expect(two.started?.backend.threads).toBe(2);
    expect(two.epochs).toHaveLength(2);
    for (const [i, e] of one.epochs.entries()) {
      const other = two.epochs[i];
      expect(Math.abs(other.trainLoss - e.trainLoss) / e.trainLoss).toBeLessThan(1e-5);
      expect(Math.abs(other.valLoss! - e.valLoss!) / e.valLoss!).toBeLessThan(1e-5);
    }
  });

  it('trains a convolutional model the same on 2 threads as on 1 (the wasm pool then has them too)', async () => {
    const one = await train(1, 'conv-upsampling');
    const two = await train(2, 'conv-upsampling');
    expect(two.started?.backend.threads).toBe(2);
    expect(wasmThreads()).toBe(2);
    for (const [i, e] of one.epochs.entries())
      expect(Math.abs(two.epochs[i].trainLoss - e.trainLoss) / e.trainLoss).toBeLessThan(1e-5);
  });

  (blasName() ? it : it.skip)(
    `keeps the wasm pool to one thread for a model without convolutions when products run on the BLAS${blasName() ? '' : ' (skipped: no native BLAS here)'}`,
    async () => {
      await initBackend('wasm');
      expect(await applyThreadsSetting(2, false)).toBe(2);
      expect(wasmThreads()).toBe(1);
      expect(await applyThreadsSetting(2, true)).toBe(2);
      expect(wasmThreads()).toBe(2);
      // With the stock kernels (an untested tfjs release) products are XNNPACK's: the pool keeps
      // its threads for every model.
      uninstallFastKernels();
      try {
        expect(await applyThreadsSetting(2, false)).toBe(2);
        expect(wasmThreads()).toBe(2);
      } finally {
        installFastKernels();
      }
    },
  );
});
