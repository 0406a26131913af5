import type { Sequential } from '@tensorflow/tfjs';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StudioHost } from '../src/main/services/host';
import { initBackend } from '../src/main/services/tf/backend';
import { hasIdenticalPair } from '../src/main/services/trainer/game/diversity';
import type { EventPayload } from '../src/shared/contract/events';
import { getPreset } from '../src/shared/presets';
import { memoryStudio, nextEvent, requireBuiltTrainer } from './helpers';
import { digitClassifier, priorCodes } from './vaeCoverage';

let classifier: Sequential;
let accuracy = 0;
let host: StudioHost | null = null;
beforeAll(async () => {
  requireBuiltTrainer();
  await initBackend('wasm');
  ({ model: classifier, accuracy } = await digitClassifier());
}, 600_000);
afterAll(() => host?.dispose());

/** Trains a preset's default run through the app's host and trainer, keeping its last views. */
async function defaultRun(id: string) {
  const preset = getPreset(id)!;
  host?.dispose();
  const studio = memoryStudio();
  host = studio.host;
  const { client } = studio;
  const last: {
    game?: EventPayload<'train.game'>;
    generated?: EventPayload<'train.generated'>;
    codes?: EventPayload<'train.codes'>;
    warnings: EventPayload<'train.warning'>[];
  } = { warnings: [] };
  client.on('train.game', (e) => (last.game = e));
  client.on('train.generated', (e) => (last.generated = e));
  client.on('train.codes', (e) => (last.codes = e));
  client.on('train.warning', (e) => last.warnings.push(e));
  const ended = nextEvent(client, 'train.ended');
  const started = Date.now();
  const { graph, settings, data } = preset;
  const reply = await client.invoke('train.start', { graph, settings, data, procedure: null });
  if (!reply.ok) throw new Error(reply.error.message);
  const end = await ended;
  if (end.status !== 'completed') throw new Error(`The run ended ${end.status}: ${end.message}`);
  return { client, runId: reply.value.runId, seconds: (Date.now() - started) / 1000, ...last };
}

/** How many samples the classifier gives each digit when at least `sure` of it. */
function digitsOf(images: Float32Array, count: number, sure = 0.9) {
  const probs = tf.tidy(() =>
    (classifier.predict(tf.tensor2d(images, [count, 784])) as tf.Tensor).arraySync(),
  ) as number[][];
  const perDigit = new Array<number>(10).fill(0);
  for (const p of probs) {
    const best = p.indexOf(Math.max(...p));
    if (p[best] >= sure) perDigit[best]++;
  }
  return perDigit;
}

/**
 * A game's fixed-noise samples after its default run: 100 different ones, no mode collapse, and
 * the classifier sure of at least `digits` different digits among them. Prints what it saw.
 */
function expectVariedDigits(
  run: Awaited<ReturnType<typeof defaultRun>>,
  name: string,
  digits: number,
) {
  const samples = run.generated!;
  expect(samples.count).toBe(100);
  const perDigit = digitsOf(samples.samples, 100);
  // Printed for the record: the digits the classifier saw, the players at the end, the time.
  console.log(`${name} fixed-noise coverage`, {
    perDigit,
    dReal: run.game?.dReal,
    dFake: run.game?.dFake,
    diversity: run.game?.diversity,
    warnings: run.warnings.map((w) => w.kind),
    seconds: run.seconds,
  });
  expect(perDigit.filter((n) => n > 0).length).toBeGreaterThanOrEqual(digits);
  expect(hasIdenticalPair(samples.samples, 100, 784)).toBe(false);
  expect(run.warnings.map((w) => w.kind)).not.toContain('mode-collapse');
}

describe('the dense GAN preset after its default run', () => {
  it('makes 100 different fixed-noise samples covering at least 6 digits, and decodes the prior as a generator', async () => {
    expect(accuracy).toBeGreaterThan(0.93);
    const run = await defaultRun('gan-dense');
    expectVariedDigits(run, 'GAN', 6);
    // The Lab's latent grid decodes points of the prior with the generator.
    const decoded = await run.client.invoke('model.decode', {
      runId: run.runId,
      points: priorCodes(4, 100, 1),
      count: 4,
    });
    if (!decoded.ok) throw new Error(decoded.error.message);
    expect(decoded.value.images.length).toBe(4 * 784);
    const encoded = await run.client.invoke('model.encode', {
      runId: run.runId,
      images: new Float32Array(784),
      count: 1,
    });
    expect(encoded.ok).toBe(false);
    if (!encoded.ok) expect(encoded.error.message).toMatch(/A GAN has no encoder/);
  }, 1_200_000);
});

describe('the DCGAN preset after its default run', () => {
  it('makes 100 different fixed-noise samples of which the classifier reads several digits', async () => {
    const run = await defaultRun('dcgan');
    // Measured here: 43 of the 100 read as a digit with 90 % certainty, all ten digits among
    // them. The preset's earlier batches of 64 with real labels of 1 drew blots, which the
    // classifier also read "surely" (44) but as 5 digits only, 23 of them 2s: coverage tells.
    expectVariedDigits(run, 'DCGAN', 8);
  }, 1_200_000);
});

describe('the denoising chain preset after its default run', () => {
  it('walks from noise from one digit to another instead of settling on one', async () => {
    const run = await defaultRun('denoising-chain');
    const steps = 100;
    const walked = await run.client.invoke('model.chainWalk', {
      runId: run.runId,
      start: 'noise',
      steps,
      seed: 1,
    });
    if (!walked.ok) throw new Error(walked.error.message);
    const { frames, sampling } = walked.value;
    expect(sampling).toBe('bernoulli');
    // Which digit the classifier is sure each frame from the fifth on shows (-1: none).
    const read = Array.from({ length: steps - 4 }, (_, i) => {
      const t = i + 5;
      return digitsOf(frames.slice(t * 784, (t + 1) * 784), 1).indexOf(1);
    });
    const digits = new Set(read.filter((d) => d >= 0));
    console.log('chain walk', { read: read.join(' '), digits: digits.size, seconds: run.seconds });
    // Measured here: drawing each step's pixels read 5, 3, 6 and 4 in 40 steps of one run and
    // 5, 3 and 2 in 100 steps of another; going on from the rebuilt picture itself (the walk
    // before) read a 7 in every sure frame of its 40.
    expect(digits.size).toBeGreaterThanOrEqual(2);
  }, 1_200_000);
});

describe('the adversarial autoencoder preset after its default run', () => {
  it("spreads its codes like the prior: each code value's mean within 0.2 of 0 and its deviation within 0.2 of 1", async () => {
    const run = await defaultRun('aae');
    const { codes, codeSize, count } = run.codes!;
    const stats = Array.from({ length: codeSize }, (_, d) => {
      let sum = 0;
      let squares = 0;
      for (let i = 0; i < count; i++) {
        const v = codes[i * codeSize + d];
        sum += v;
        squares += v * v;
      }
      const mean = sum / count;
      return { mean, deviation: Math.sqrt(squares / count - mean * mean) };
    });
    const perDigit = run.generated ? digitsOf(run.generated.samples, run.generated.count) : null;
    console.log('AAE prior match', { stats, perDigit, game: run.game, seconds: run.seconds });
    // Its decoded prior samples start alike and spread out: that is learning, not a collapse.
    expect(run.warnings.map((w) => w.kind)).not.toContain('mode-collapse');
    for (const { mean, deviation } of stats) {
      expect(Math.abs(mean)).toBeLessThan(0.2);
      expect(Math.abs(deviation - 1)).toBeLessThan(0.2);
    }
  }, 1_200_000);
});
