/**
 * The game presets' networks: shapes and parameter counts equal what Keras reports for the same
 * models, worked out by hand here (Dense: in·out + out; Conv2D and Conv2DTranspose: k·k·cin·cout +
 * cout; BatchNormalization: 2C trainable (gamma, beta) and 2C non-trainable (moving mean and
 * variance); LeakyReLU, Reshape, Flatten: none). test/export/gameKeras.test.ts checks the same
 * numbers in real Keras.
 */
import { describe, expect, it } from 'vitest';
import { getPreset } from '../presets';
import { compileGraph, formatSummaryText, summarize, type KerasModelSpec } from '.';
import type { GameSpec } from './game';

type Figures = { trainable: number; nonTrainable: number; input: number[]; output: number[] };

/** Per network: trainable and non-trainable weights, input and output shapes (no batch). */
const KERAS_FIGURES: Record<string, Record<string, Figures>> = {
  'gan-dense': {
    // 100·256+256 = 25,856; 256·784+784 = 201,488.
    generator: { trainable: 227344, nonTrainable: 0, input: [100], output: [784] },
    // 784·256+256 = 200,960; 256·1+1 = 257.
    discriminator: { trainable: 201217, nonTrainable: 0, input: [784], output: [1] },
  },
  dcgan: {
    // Dense 100·3136+3136 = 316,736; BN(64) 128+128; Conv2DTranspose 4·4·64·32+32 = 32,800;
    // BN(32) 64+64; Conv2DTranspose 4·4·32·1+1 = 513.
    generator: { trainable: 350241, nonTrainable: 192, input: [100], output: [28, 28, 1] },
    // Conv2D 4·4·1·32+32 = 544; Conv2D 4·4·32·64+64 = 32,832; BN(64) 128+128;
    // Dense 3136·1+1 = 3,137.
    discriminator: { trainable: 36641, nonTrainable: 128, input: [28, 28, 1], output: [1] },
  },
  aae: {
    // 784·256+256 = 200,960; 256·64+64 = 16,448; 64·2+2 = 130; 2·64+64 = 192;
    // 64·256+256 = 16,640; 256·784+784 = 201,488.
    autoencoder: { trainable: 435858, nonTrainable: 0, input: [784], output: [784] },
    // 2·64+64 = 192; 64·64+64 = 4,160; 64·1+1 = 65.
    discriminator: { trainable: 4417, nonTrainable: 0, input: [2], output: [1] },
  },
};

function compiled(id: string) {
  const c = compileGraph(getPreset(id)!.graph);
  if (!c.ok || !c.game) throw new Error(`${id} does not compile to a game`);
  return { ...c, game: c.game };
}

const networksOf = (game: GameSpec): Record<string, KerasModelSpec> =>
  game.kind === 'gan'
    ? { generator: game.generator, discriminator: game.discriminator }
    : { autoencoder: game.autoencoder, discriminator: game.discriminator };

describe.each(Object.entries(KERAS_FIGURES))('%s', (id, figures) => {
  it('compiles without a diagnostic to a game of two networks', () => {
    const c = compiled(id);
    expect(c.analysis.diagnostics).toEqual([]);
    expect(Object.keys(networksOf(c.game))).toEqual(Object.keys(figures));
  });

  it.each(Object.keys(figures))('%s has the counts and shapes Keras reports', (name) => {
    const { analysis, game } = compiled(id);
    const spec = networksOf(game)[name];
    const want = figures[name];
    const ids = Object.values(spec.studio.nodeOfLayer);
    const sum = (key: 'trainableParams' | 'nonTrainableParams') =>
      ids.reduce((n, nodeId) => n + analysis.nodes[nodeId][key], 0);
    expect({ trainable: sum('trainableParams'), nonTrainable: sum('nonTrainableParams') }).toEqual({
      trainable: want.trainable,
      nonTrainable: want.nonTrainable,
    });
    expect(spec.studio.inputShape).toEqual(want.input);
    expect(analysis.nodes[spec.studio.nodeOfLayer[spec.studio.outputLayer]].shape).toEqual(
      want.output,
    );
  });

  it('totals both players', () => {
    const { analysis } = compiled(id);
    const all = Object.values(figures);
    expect(analysis.totals).toEqual({
      trainable: all.reduce((n, f) => n + f.trainable, 0),
      nonTrainable: all.reduce((n, f) => n + f.nonTrainable, 0),
      total: all.reduce((n, f) => n + f.trainable + f.nonTrainable, 0),
    });
  });

  it('names every layer once across the design', () => {
    const names = Object.values(networksOf(compiled(id).game)).flatMap((s) =>
      s.config.layers.map((l) => l.name),
    );
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('a GAN', () => {
  it("gives the generator's spec as the design's spec, its noise as the code", () => {
    const c = compiled('gan-dense');
    if (c.game.kind !== 'gan') throw new Error('not a GAN');
    expect(c.spec).toBe(c.game.generator);
    const [first] = c.spec.config.layers;
    expect(first).toMatchObject({ class_name: 'InputLayer', name: 'noise' });
    expect(first.config.batch_input_shape).toEqual([null, 100]);
    expect(c.spec.studio).toMatchObject({ inputLayer: 'noise', codeLayer: 'noise' });
    expect(c.game.discriminator.studio).toMatchObject({
      inputLayer: 'digits',
      outputLayer: 'real_or_fake',
      loss: 'binaryCrossentropy',
      codeLayer: null,
    });
  });

  it('gives each node its role and the game its players and rules', () => {
    const { analysis, game } = compiled('gan-dense');
    const roles = Object.fromEntries(Object.entries(analysis.nodes).map(([k, n]) => [k, n.role]));
    expect(roles).toEqual({
      prior: 'prior',
      g1: 'generator',
      g1act: 'generator',
      g2: 'generator',
      input: 'input',
      d1: 'discriminator',
      d1act: 'discriminator',
      d2: 'discriminator',
      adversary: 'adversary',
    });
    expect(game.nodes).toEqual({
      prior: 'prior',
      adversary: 'adversary',
      generator: ['g1', 'g1act', 'g2'],
      discriminator: ['d1', 'd1act', 'd2'],
    });
    expect(game.prior).toEqual({ distribution: 'normal', size: 100, spread: 1 });
    expect(game.rules).toEqual({
      generatorLoss: 'non-saturating',
      realLabel: 0.9,
      fakeLabel: 0,
      discriminatorSteps: 1,
      discriminatorLearningRate: 0.0002,
      generatorLearningRate: 0.0002,
      beta1: 0.5,
      adversarialWeight: 1,
    });
  });
});

describe('an adversarial autoencoder', () => {
  it('keeps encoder, code and decoder roles, and judges the code against the Prior', () => {
    const { analysis, game, spec } = compiled('aae');
    if (game.kind !== 'aae') throw new Error('not an AAE');
    expect(spec).toBe(game.autoencoder);
    const role = (id: string) => analysis.nodes[id].role;
    expect(['input', 'enc1', 'enc2', 'code', 'dec1', 'dec3', 'output'].map(role)).toEqual([
      'input',
      'encoder',
      'encoder',
      'code',
      'decoder',
      'decoder',
      'output',
    ]);
    expect(['prior', 'd1', 'd3', 'adversary'].map(role)).toEqual([
      'prior',
      'discriminator',
      'discriminator',
      'adversary',
    ]);
    expect(analysis.codeNodeId).toBe('code');
    expect(spec.studio.codeLayer).toBe('code');
    expect(game.discriminator.studio.inputLayer).toBe('prior');
    expect(game.nodes.generator).toEqual(['enc1', 'enc2', 'code']);
  });
});

describe('an ordinary design', () => {
  it('compiles with no game', () => {
    const c = compileGraph(getPreset('default')!.graph);
    expect(c.ok && c.game).toBeNull();
    expect(c.analysis.game).toBeUndefined();
  });
});

describe('the summary of a game', () => {
  it('groups the layers by player, each with its own totals', () => {
    const doc = getPreset('dcgan')!.graph;
    const summary = summarize(doc);
    expect(summary.groups!.map((g) => [g.title, g.totals])).toEqual([
      ['Generator', { total: 350433, trainable: 350241, nonTrainable: 192 }],
      ['Discriminator', { total: 36769, trainable: 36641, nonTrainable: 128 }],
    ]);
    expect(summary.groups![0].rows[0]).toMatchObject({ kind: 'Prior', outputShape: '(None, 100)' });
    expect(summary.groups![1].rows[0]).toMatchObject({ kind: 'Input' });
    expect(summary.rows.some((r) => r.kind === 'Adversary')).toBe(false);
    expect(summary.totals.total).toBe(350433 + 36769);
  });

  it('prints one Keras summary per network', () => {
    const text = formatSummaryText(summarize(getPreset('aae')!.graph));
    expect(text).toContain('Model: "autoencoder"');
    expect(text).toContain('Model: "discriminator"');
    expect(text).toContain('Total params: 435,858');
    expect(text).toContain('Total params: 4,417');
  });

  it('lists a layer in neither player apart', () => {
    const doc = getPreset('gan-dense')!.graph;
    doc.nodes.push({ ...doc.nodes.find((n) => n.id === 'd1')!, id: 'stray', name: 'stray' });
    const groups = summarize(doc).groups!;
    expect(groups.map((g) => g.title)).toEqual(['Generator', 'Discriminator', 'In neither player']);
    expect(groups[2].rows.map((r) => r.nodeId)).toEqual(['stray']);
  });
});
