import * as tf from '@tensorflow/tfjs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendInfo } from '../src/shared/contract/commands';
import { dataSpecSchema, type TrainSettings } from '../src/shared/contract/training';
import type { GameSpec } from '../src/shared/compiler/game';
import type { PreparedData } from '../src/main/services/data/dataset';
import { prepareData } from '../src/main/services/data/prepare';
import { initBackend } from '../src/main/services/tf/backend';
import { writeCheckpoint } from '../src/main/services/trainer/checkpoint';
import type { CheckpointExtra } from '../src/main/services/trainer/checkpointState';
import { buildGame, gameSession } from '../src/main/services/trainer/game';
import { DiversityWatch, hasIdenticalPair } from '../src/main/services/trainer/game/diversity';
import { GENERATED_COUNT, generatedView } from '../src/main/services/trainer/game/epochViews';
import { fixedNoise } from '../src/main/services/trainer/game/noise';
import { runGame } from '../src/main/services/trainer/game/run';
import { smallGan } from '../src/main/services/trainer/game/testing';
import { LoadedModel } from '../src/main/services/trainer/loadedModel';
import { control, recorder } from '../src/main/services/trainer/procedures/testing';
import { DEFAULT_PRESET_ID, getPreset } from '../src/shared/presets';
import { compileGraph } from '../src/shared/compiler';
import type { GraphDocument } from '../src/shared/graph/document';

const preset = getPreset(DEFAULT_PRESET_ID)!;
const dataSpec = dataSpecSchema.parse({ limit: 400 });
const settings: TrainSettings = { ...preset.settings, epochs: 3, batchSize: 64, seed: 11 };
let backend: BackendInfo;
let data: PreparedData;
let dir: string;
beforeAll(async () => {
  backend = await initBackend('wasm');
  data = await prepareData(dataSpec);
  dir = await mkdtemp(join(tmpdir(), 'game-run-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Trains a game in this process the way the trainer does, keeping its events and views' model. */
async function train(
  game: GameSpec,
  options: {
    epochs?: number;
    checkpoint?: string;
    resume?: boolean;
    data?: PreparedData;
    graph?: GraphDocument;
  } = {},
  steer = control(),
) {
  const events = recorder();
  const loaded = new LoadedModel();
  const saves: number[] = [];
  const tensorCounts: number[] = [];
  const runId = 'game';
  const outcome = await runGame(
    {
      message: {
        type: 'start',
        runId,
        graph: options.graph ?? preset.graph,
        settings: { ...settings, epochs: options.epochs ?? settings.epochs },
        data: dataSpec,
        procedure: null,
        checkpointDir: options.checkpoint ?? null,
        resume: options.resume ?? false,
      },
      game,
      data: options.data ?? data,
      backend,
      loaded,
      control: steer,
      save: async (epoch, model, optimizer, extras: CheckpointExtra[]) => {
        saves.push(epoch);
        if (!options.checkpoint) return;
        const base = { runId, graph: preset.graph, settings, data: dataSpec, procedure: null };
        const saved = await writeCheckpoint(
          options.checkpoint,
          base,
          epoch,
          model,
          optimizer,
          extras,
        );
        if (!saved.ok) throw new Error(saved.error.message);
      },
      resumedFrom: () => undefined,
    },
    (name, payload) => {
      if (name === 'train.epoch') tensorCounts.push(tf.memory().numTensors);
      events.emit(name, payload);
    },
  );
  const game_ = loaded.gameOf(runId)!;
  const weights = [
    ...game_.built.model.getWeights(),
    ...game_.discriminator.model.getWeights(),
  ].map((w) => Array.from(w.dataSync()));
  return { outcome, events, saves, weights, loaded, tensorCounts };
}

describe('a game run (small dense GAN, 400 digits)', () => {
  it('sends the ordinary events plus how the players stand and the same fixed noise decoded after every epoch', async () => {
    const { outcome, events } = await train(smallGan(), { epochs: 2 });
    expect(outcome).toMatchObject({ status: 'completed', epochsCompleted: 2 });
    expect(events.of('train.started')).toHaveLength(1);
    const epochs = events.of('train.epoch');
    expect(epochs.map((e) => e.epoch)).toEqual([1, 2]);
    expect(Object.keys(epochs[0].terms).sort()).toEqual(['discriminator', 'generator']);
    expect(epochs[0].trainLoss).toBeCloseTo(epochs[0].terms.generator, 6);
    const game = events.of('train.game');
    expect(game).toHaveLength(2);
    for (const g of game) {
      expect(g.dReal).toBeGreaterThan(0);
      expect(g.dReal).toBeLessThan(1);
      expect(g.dFake).toBeGreaterThan(0);
      expect(g.dFake).toBeLessThan(1);
    }
    expect(game[0].diversity).toBe(1);
    const generated = events.of('train.generated');
    expect(generated.map((g) => g.count)).toEqual([GENERATED_COUNT, GENERATED_COUNT]);
    expect(generated[0].samples.length).toBe(GENERATED_COUNT * 784);
    expect(generated[0].samples).not.toEqual(generated[1].samples);
  });

  it('continues from a checkpoint with both players and both optimizers as an unbroken run would', async () => {
    const whole = await train(smallGan(), { epochs: 3 });
    const checkpoint = join(dir, 'continue');
    const first = await train(smallGan(), { epochs: 2, checkpoint });
    expect(first.saves).toEqual([1, 2]);
    const rest = await train(smallGan(), { epochs: 3, checkpoint, resume: true });
    expect(rest.outcome).toMatchObject({ status: 'completed', epochsCompleted: 3 });
    expect(rest.events.of('train.epoch').map((e) => e.epoch)).toEqual([3]);
    // Epoch 1's spread came back from the checkpoint, so diversity compares with the same epoch.
    expect(rest.events.of('train.game')[0].diversity).toBeCloseTo(
      whole.events.of('train.game')[2].diversity!,
      4,
    );
    expect(rest.weights.length).toBe(whole.weights.length);
    rest.weights.forEach((w, i) => {
      const max = Math.max(...w.map((v, j) => Math.abs(v - whole.weights[i][j])));
      expect(max).toBeLessThan(1e-5);
    });
  });

  it('keeps the tensor count flat from epoch to epoch', async () => {
    const { tensorCounts } = await train(smallGan(), { epochs: 4 });
    expect(tensorCounts).toHaveLength(4);
    expect(tensorCounts[3]).toBe(tensorCounts[1]);
  });

  it('trains an adversarial autoencoder with the views of an autoencoder and its decoded prior', async () => {
    const aae = getPreset('aae')!;
    const compiled = compileGraph(aae.graph);
    if (!compiled.ok || !compiled.game) throw new Error('The aae preset plays no game.');
    const { outcome, events, tensorCounts } = await train(compiled.game, {
      epochs: 2,
      graph: aae.graph,
    });
    expect(outcome).toMatchObject({ status: 'completed', epochsCompleted: 2 });
    const epochs = events.of('train.epoch');
    expect(Object.keys(epochs[0].terms).sort()).toEqual(['discriminator', 'generator']);
    expect(epochs[1].valLoss).toBeLessThan(epochs[0].valLoss!);
    expect(events.of('train.samples')).toHaveLength(1);
    expect(events.of('train.snapshot')).toHaveLength(2);
    expect(events.of('train.codes').map((c) => c.codeSize)).toEqual([2, 2]);
    const generated = events.of('train.generated');
    expect(generated.map((g) => g.count)).toEqual([GENERATED_COUNT, GENERATED_COUNT]);
    expect(events.of('train.game')).toHaveLength(2);
    expect(tensorCounts[1]).toBe(tensorCounts[0]);
  });

  it('stops at a batch boundary when asked, and waits while paused', async () => {
    const steer = control();
    steer.pause();
    const running = train(smallGan(), { epochs: 3 }, steer);
    await new Promise((r) => setTimeout(r, 300));
    expect(steer.paused).toBe(true);
    steer.stop();
    const { outcome, events } = await running;
    expect(outcome).toMatchObject({ status: 'stopped', epochsCompleted: 0 });
    expect(events.of('train.progress')).toHaveLength(0);
  });

  it('ends as failed in words on a loss that is not a number, keeping the last good weights', async () => {
    const images = data.train.images.slice();
    images[200 * 784 + 300] = NaN; // one pixel of one sample
    const broken = { ...data, train: { ...data.train, images } };
    const { outcome, saves, weights } = await train(smallGan(), { data: broken });
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toMatch(/discriminator's loss is no longer a number/);
    expect(outcome.message).toMatch(/weights from before this batch were kept/);
    expect(saves).toEqual([0]);
    for (const w of weights) expect(w.every(Number.isFinite)).toBe(true);
  });
});

describe('the mode-collapse watch', () => {
  it('warns once when a collapsed generator makes the same picture from all the fixed noise', async () => {
    const built = buildGame(preset.graph, smallGan(), 3);
    if (!built.ok || built.value.kind !== 'gan') throw new Error('no GAN');
    const session = gameSession(built.value, settings);
    const z = fixedNoise(built.value.game.prior, GENERATED_COUNT, 1);
    const healthy = (await generatedView(session, z))!;
    // Collapse: the last layer's kernel at zero makes every sample sigmoid(bias), whatever z is.
    const out = built.value.generator.model.getLayer('g_out');
    out.setWeights([tf.zerosLike(out.getWeights()[0]), tf.randomUniform([784], -2, 2)]);
    const collapsed = (await generatedView(session, z))!;
    expect(hasIdenticalPair(collapsed.samples, GENERATED_COUNT, 784)).toBe(true);
    const watch = new DiversityWatch(null, null);
    expect(watch.observe(healthy.distance)).toMatchObject({ diversity: 1, collapsed: false });
    expect(watch.observe(healthy.distance * 0.6).collapsed).toBe(false);
    expect(watch.observe(collapsed.distance)).toMatchObject({ diversity: 0, collapsed: true });
    expect(watch.observe(collapsed.distance).collapsed).toBe(false);
  });

  it('also warns when the samples were alike from epoch 1 and stay so, judged against the real samples', () => {
    const watch = new DiversityWatch(null, 10);
    // An untrained generator's first samples are alike (grey blurs): no warning for that alone.
    expect(watch.observe(0.5)).toEqual({ diversity: 1, collapsed: false, shareOfReal: null });
    expect(watch.observe(0.5).collapsed).toBe(false);
    expect(watch.observe(0.5)).toEqual({ diversity: 1, collapsed: true, shareOfReal: 0.05 });
  });

  it('does not warn when samples alike at epoch 1 spread out as the generator learns (a DCGAN start)', () => {
    const watch = new DiversityWatch(null, 10);
    for (const distance of [0.5, 2, 4, 6, 6.5])
      expect(watch.observe(distance).collapsed).toBe(false);
  });

  it('counts the epochs of a continued run from its checkpoint', () => {
    const watch = new DiversityWatch(0.5, 10, 3);
    expect(watch.observe(0.5).collapsed).toBe(true);
  });
});
