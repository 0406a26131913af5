import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs';
import type * as Ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { onnxModels, type OnnxFile } from '../../src/main/services/export/onnx';
import {
  disposeExportGame,
  exportGameOf,
  type ExportGame,
} from '../../src/main/services/export/gameExport';
import { loadBalancedDigits } from '../../src/main/services/data/mnist';
import { buildModel, type BuiltModel } from '../../src/main/services/model';
import { PRESETS } from '../../src/shared/presets';
import { graphOf, input, output, type Step } from '../../src/shared/presets/build';
import type { GraphDocument } from '../../src/shared/graph/document';
import { HANDPICKED } from './hostileStrings';

// onnxruntime-node is CommonJS with a native addon; require loads it as its README shows.
const ort = createRequire(import.meta.url)('onnxruntime-node') as typeof Ort;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const SAFE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;

/** Runs one exported part in onnxruntime on the given batch; returns its single output. */
async function runOnnx(file: OnnxFile, x: tf.Tensor): Promise<Float32Array> {
  const session = await ort.InferenceSession.create(file.bytes);
  try {
    expect(session.inputNames).toHaveLength(1);
    expect(session.outputNames).toHaveLength(1);
    for (const name of [...session.inputNames, ...session.outputNames])
      expect(name).toMatch(SAFE_NAME);
    const feed = {
      [session.inputNames[0]]: new ort.Tensor('float32', x.dataSync() as Float32Array, x.shape),
    };
    const out = await session.run(feed);
    const y = out[session.outputNames[0]];
    return y.data as Float32Array;
  } finally {
    await session.release();
  }
}

/**
 * The app's model for each part the export must write, and what it is fed: digits for a model and
 * an encoder (and a GAN's discriminator, which judges samples), seeded codes for a decoder (and an
 * AAE's discriminator, which judges codes), a GAN's generator seeded noise drawn as its Prior draws.
 */
function partsOf(
  m: BuiltModel,
  game: ExportGame | null,
  x: tf.Tensor,
): Record<string, { model: tf.LayersModel; feed: tf.Tensor }> {
  const seeded = (model: tf.LayersModel, spread = 1) =>
    tf.randomNormal(
      [x.shape[0], ...(model.inputs[0].shape.slice(1) as number[])],
      0,
      spread,
      'float32',
      8,
    );
  if (game?.game.kind === 'gan')
    return {
      generator: { model: m.model, feed: seeded(m.model, game.game.prior.spread) },
      discriminator: { model: game.discriminator, feed: tf.clone(x) },
    };
  const parts: Record<string, { model: tf.LayersModel; feed: tf.Tensor }> = {
    model: { model: m.model, feed: tf.clone(x) },
    encoder: { model: m.encoder, feed: tf.clone(x) },
  };
  if (m.decoder) parts.decoder = { model: m.decoder, feed: seeded(m.decoder) };
  if (game) parts.discriminator = { model: game.discriminator, feed: seeded(game.discriminator) };
  return parts;
}

/** Largest difference between the app's predictions and onnxruntime's, per part written. */
async function compareParts(
  m: BuiltModel,
  game: ExportGame | null,
  files: OnnxFile[],
  x: tf.Tensor,
): Promise<Record<string, number>> {
  const parts = partsOf(m, game, x);
  expect(files.map((f) => f.part).sort()).toEqual(Object.keys(parts).sort());
  const diffs: Record<string, number> = {};
  for (const file of files) {
    const { model, feed } = parts[file.part];
    const got = await runOnnx(file, feed);
    const want = tf.tidy(() => (model.predict(feed) as tf.Tensor).dataSync());
    expect(got.length).toBe(want.length);
    diffs[file.part] = got.reduce((d, v, i) => Math.max(d, Math.abs(v - want[i])), 0);
  }
  tf.dispose(Object.values(parts).map((p) => p.feed));
  return diffs;
}

/**
 * Random values for every weight (biases and batch statistics included, variances positive), far
 * from a fresh model's zeros and ones. Kernels are scaled by their fan-in as a trained model's are:
 * unscaled, a 784-input layer's outputs reach the hundreds and float32 rounding alone exceeds 1e-5.
 */
function randomWeights(models: tf.LayersModel[], seed: number): Record<string, Float32Array> {
  const out: Record<string, Float32Array> = {};
  models
    .flatMap((m) => m.weights)
    .forEach((w, i) => {
      const shape = w.shape as number[];
      const fanIn = shape.length > 1 ? shape.slice(0, -1).reduce((a, b) => a * b, 1) : 1;
      const std = shape.length > 1 ? 1.5 / Math.sqrt(fanIn) : 0.3;
      const t = tf.tidy(() => {
        const r = tf.randomNormal(shape, 0, std, 'float32', seed + i);
        return w.originalName.endsWith('moving_variance') ? tf.add(tf.abs(r), 0.5) : r;
      });
      out[w.originalName] = t.dataSync() as Float32Array;
      w.write(t);
      t.dispose();
    });
  return out;
}

async function digits(m: BuiltModel, game: ExportGame | null, n: number): Promise<tf.Tensor> {
  // A GAN's model is its generator, fed noise: the digits are for its discriminator.
  const model = game?.kind === 'gan' ? game.discriminator : m.model;
  const shape = [n, ...(model.inputs[0].shape.slice(1) as number[])];
  return tf.tensor((await loadBalancedDigits(n)).images, shape);
}

/** Exports a design fresh and with random weights; both must predict what the app predicts. */
async function expectSamePredictions(doc: GraphDocument, label: string): Promise<void> {
  const built = buildModel(doc);
  if (!built.ok) throw new Error(built.error.message);
  const m = built.value;
  const game = exportGameOf(doc, 5);
  const x = await digits(m, game, 4);
  try {
    const fresh = await onnxModels(m, doc, undefined, game);
    if (!fresh.ok) throw new Error(fresh.error.message);
    for (const [part, diff] of Object.entries(await compareParts(m, game, fresh.value, x)))
      expect(diff, `${label}/${part} (fresh)`).toBeLessThan(1e-5);

    // Passed as trained weights and written into the app's models: a kernel transposed the wrong
    // way or a bias on the wrong axis cannot agree by luck with random values everywhere.
    const weights = randomWeights([m.model, ...(game ? [game.discriminator] : [])], 17);
    const trained = await onnxModels(m, doc, weights, game);
    if (!trained.ok) throw new Error(trained.error.message);
    for (const [part, diff] of Object.entries(await compareParts(m, game, trained.value, x)))
      expect(diff, `${label}/${part} (random weights)`).toBeLessThan(1e-5);
  } finally {
    x.dispose();
    disposeExportGame(game);
    m.dispose();
  }
}

const conv = (id: string, params: Record<string, unknown>): Step => ({
  id,
  kind: 'Conv2D',
  name: id,
  params: {
    filters: 4,
    kernelSize: 3,
    strides: 1,
    padding: 'same',
    activation: 'elu',
    ...params,
  } as Step['params'],
});

describe('ONNX export', () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))(
    'writes preset %s so onnxruntime predicts what the app predicts on real digits, fresh and trained',
    async (id, preset) => {
      await expectSamePredictions(preset.graph, id);
    },
  );

  it('matches the app on odd image sizes, valid and same windows, batch normalization and an image code', async () => {
    const doc = graphOf([
      input(),
      { id: 'img', kind: 'Reshape', name: 'img', params: { targetShape: [28, 28, 1] } },
      conv('c1', { kernelSize: 5, strides: 2, padding: 'valid' }), // 12 x 12
      { id: 'bn', kind: 'BatchNormalization', name: 'bn' },
      { id: 'p1', kind: 'MaxPooling2D', name: 'p1', params: { poolSize: 3, padding: 'same' } }, // 4 x 4
      conv('c2', { filters: 3, strides: 2, activation: 'tanh' }), // 2 x 2 x 3
      { id: 'code', kind: 'Code', name: 'code' },
      {
        id: 'd1',
        kind: 'Conv2DTranspose',
        name: 'd1',
        params: { filters: 5, kernelSize: 2, strides: 3, padding: 'valid', activation: 'selu' },
      }, // 6 x 6
      {
        id: 'd2',
        kind: 'Conv2DTranspose',
        name: 'd2',
        params: { filters: 2, kernelSize: 4, strides: 2, padding: 'same', activation: 'softplus' },
      }, // 12 x 12
      { id: 'up', kind: 'UpSampling2D', name: 'up', params: { size: 2 } }, // 24 x 24
      { id: 'flat', kind: 'Flatten', name: 'flat' },
      { id: 'dense', kind: 'Dense', name: 'dense', params: { units: 784, activation: 'sigmoid' } },
      output(),
    ]);
    await expectSamePredictions(doc, 'odd shapes');
  });

  it('matches the app through LeakyReLU on images (channels first) and on flat values', async () => {
    const doc = graphOf([
      input(),
      { id: 'img', kind: 'Reshape', name: 'img', params: { targetShape: [28, 28, 1] } },
      conv('c1', { filters: 4, strides: 2, activation: 'linear' }), // 14 x 14 x 4
      { id: 'leaky1', kind: 'LeakyReLU', name: 'leaky1', params: { alpha: 0.2 } },
      { id: 'flat', kind: 'Flatten', name: 'flat' },
      { id: 'code', kind: 'Dense', name: 'code', params: { units: 16, activation: 'linear' } },
      { id: 'leaky2', kind: 'LeakyReLU', name: 'leaky2', params: { alpha: 0.05 } },
      { id: 'dense', kind: 'Dense', name: 'dense', params: { units: 784, activation: 'sigmoid' } },
      output(),
    ]);
    await expectSamePredictions(doc, 'leaky relu');
  });

  it('keeps names safe and unique whatever a person calls the layers', async () => {
    const preset = PRESETS.find((p) => p.id === 'conv-transpose')!;
    const doc = structuredClone(preset.graph);
    doc.nodes.forEach(
      (n, i) => (n.name = HANDPICKED[(i * 7) % HANDPICKED.length] + '"\n</x>/../' + '𝔘'.repeat(i)),
    );
    doc.nodes[1].name = doc.nodes[2].name;
    await expectSamePredictions(doc, 'hostile names');
  });

  it.each([
    ['stacked', 'digits', 'code'],
    ['conv-upsampling', 'digits', 'code'],
    ['vae', 'digits', 'mean'],
  ])('names the encoder of %s from %s to %s, as the design does', async (id, from, to) => {
    const preset = PRESETS.find((p) => p.id === id)!;
    const built = buildModel(preset.graph);
    if (!built.ok) throw new Error(built.error.message);
    try {
      const files = await onnxModels(built.value, preset.graph);
      if (!files.ok) throw new Error(files.error.message);
      const encoder = files.value.find((f) => f.part === 'encoder')!;
      const session = await ort.InferenceSession.create(encoder.bytes);
      expect([session.inputNames, session.outputNames]).toEqual([[from], [to]]);
      await session.release();
    } finally {
      built.value.dispose();
    }
  });

  it.each(['gan-dense', 'dcgan'])(
    'writes the generator of %s from the noise to the generated digit, and its discriminator from digits to a score',
    async (id) => {
      const preset = PRESETS.find((p) => p.id === id)!;
      const built = buildModel(preset.graph);
      if (!built.ok) throw new Error(built.error.message);
      try {
        const files = await onnxModels(built.value, preset.graph);
        if (!files.ok) throw new Error(files.error.message);
        expect(files.value.map((f) => f.part)).toEqual(['generator', 'discriminator']);
        const names = [];
        for (const file of files.value) {
          const session = await ort.InferenceSession.create(file.bytes);
          names.push([session.inputNames, session.outputNames]);
          await session.release();
        }
        expect(names).toEqual([
          [['noise'], ['generated_digit']],
          [['digits'], ['real_or_fake']],
        ]);
      } finally {
        built.value.dispose();
      }
    },
  );

  it('refuses trained weights that no longer fit the design, in words', async () => {
    const preset = PRESETS.find((p) => p.id === 'default')!;
    const built = buildModel(preset.graph);
    if (!built.ok) throw new Error(built.error.message);
    try {
      const name = built.value.model.weights[0].originalName;
      const result = await onnxModels(built.value, preset.graph, { [name]: new Float32Array(3) });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('E_DATA');
        expect(result.error.message).toContain('graph changed since training');
      }
    } finally {
      built.value.dispose();
    }
  });
});
