import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBalancedDigits } from '../../src/main/services/data/mnist';
import { encodeNpy, encodeNpz } from '../../src/main/services/export/npz';
import {
  disposeExportGame,
  exportGameOf,
  type ExportGame,
} from '../../src/main/services/export/gameExport';
import { buildModel, type BuiltModel } from '../../src/main/services/model';
import { flattenWeights } from '../syncWeights';
import { compileGraph } from '../../src/shared/compiler';
import { kerasWeightsArrays } from '../../src/shared/export/keras';
import { exportPytorchScript, pytorchWeightArrays } from '../../src/shared/export/pytorch';
import type { Procedure, TrainSettings } from '../../src/shared/contract/training';
import type { GraphDocument, ParamValue } from '../../src/shared/graph/document';
import { getPreset, PRESETS } from '../../src/shared/presets';
import { dense, graphOf, input, output, settings } from '../../src/shared/presets/build';
import { maxDifference, readNpz, runPython, torchPython } from './torchPython';

const SAMPLES = 24;
let python: string;
let dir: string;
let digits: Float32Array;

beforeAll(async () => {
  await tf.setBackend('cpu');
  python = torchPython();
  dir = mkdtempSync(join(tmpdir(), 'pytorch-export-'));
  digits = (await loadBalancedDigits(SAMPLES)).images;
  writeFileSync(join(dir, 'digits.npy'), encodeNpy(digits, [SAMPLES, 784]));
});

/** A design's script, written to its own folder beside the weights it loads. */
function writeScript(c: Case, folder: string): string {
  const script = exportPytorchScript(c.graph, c.settings, {
    title: c.id,
    weightsFile: 'weights.npz',
    procedure: c.procedure,
  });
  if (!script.ok) throw new Error(`${c.id}: ${script.error.message}`);
  const file = join(folder, 'model.py');
  writeFileSync(file, script.value);
  return file;
}

/**
 * Moves every weight off its initial value (biases start at zero, which would hide a misplaced
 * bias), then reads them as the trainer hands them to the export.
 */
const presetCase = (id: string): Case => {
  const p = getPreset(id)!;
  return { id, graph: p.graph, settings: p.settings, procedure: p.procedure };
};

function perturbedWeights(model: tf.LayersModel) {
  tf.tidy(() => {
    for (const w of model.weights) {
      const noise = tf.randomNormal(w.shape as number[], 0, 0.05, 'float32', 7);
      w.write(tf.add(w.read(), noise));
    }
  });
  return flattenWeights(model);
}

/** One design to export: a preset, or a graph with the layers and options no preset uses. */
interface Case {
  id: string;
  graph: GraphDocument;
  settings: TrainSettings;
  procedure?: Procedure;
}

const conv = (id: string, kind: 'Conv2D' | 'Conv2DTranspose', params: Record<string, ParamValue>) =>
  ({ id, kind, name: `${kind} ${id}`, params }) as const;

/**
 * Valid and odd-sized 'same' padding, even windows, a window smaller than its step, batch norm,
 * pooling with 'same', an Activation layer.
 */
const OTHER_LAYERS: Case = {
  id: 'other-layers',
  graph: graphOf([
    input(),
    { id: 'image', kind: 'Reshape', name: 'to image', params: { targetShape: [28, 28, 1] } },
    conv('a', 'Conv2D', {
      filters: 8,
      kernelSize: 3,
      strides: 2,
      padding: 'valid',
      activation: 'relu',
    }),
    {
      id: 'norm',
      kind: 'BatchNormalization',
      name: 'norm',
      params: { momentum: 0.9, epsilon: 0.01 },
    },
    { id: 'pool', kind: 'MaxPooling2D', name: 'pool', params: { poolSize: 2, padding: 'same' } },
    conv('b', 'Conv2D', {
      filters: 4,
      kernelSize: 2,
      strides: 1,
      padding: 'same',
      activation: 'elu',
    }),
    conv('c', 'Conv2DTranspose', {
      filters: 4,
      kernelSize: 3,
      strides: 2,
      padding: 'valid',
      activation: 'tanh',
    }),
    conv('d', 'Conv2DTranspose', {
      filters: 1,
      kernelSize: 2,
      strides: 3,
      padding: 'same',
      activation: 'selu',
    }),
    { id: 'act', kind: 'Activation', name: 'act', params: { activation: 'softplus' } },
    { id: 'flat', kind: 'Flatten', name: 'flat' },
    dense('out', 784, 'sigmoid', 'out'),
    output(),
  ]),
  settings: settings(),
};

const CASES: Case[] = [
  ...PRESETS.map((p) => ({
    id: p.id,
    graph: p.graph,
    settings: p.settings,
    procedure: p.procedure,
  })),
  OTHER_LAYERS,
];

/** What torch must compute for a case: an autoencoder's prediction and code on the digits. */
interface Expected {
  folder: string;
  output: Float32Array;
  code: Float32Array | null;
}
const expected = new Map<string, Expected>();

/**
 * A game's script has no --predict (it plays the game and generates): its check is `--generate`,
 * the samples torch makes from its own prior noise against the app's generator on that noise (a
 * GAN's generator, an AAE's decoder), both with the app's weights of both players.
 */
interface GameExpected {
  folder: string;
  generator: tf.LayersModel;
  dispose(): void;
}
const games = new Map<string, GameExpected>();
afterAll(() => games.forEach((g) => g.dispose()));

const GENERATED = 6;

/**
 * Runs every script in one Python, so torch is imported once (about 8 s a process on these
 * machines), each with its own command line (a JSON list whose last item is the output file); a
 * script that fails leaves its traceback in `<out>.error`.
 */
const DRIVER = `
import json, runpy, sys, traceback
args = sys.argv[1:]
for script, argv in zip(args[0::2], args[1::2]):
    argv = json.loads(argv)
    sys.argv = [script] + argv
    try:
        runpy.run_path(script, run_name="__main__")
    except BaseException:
        with open(argv[-1] + ".error", "w") as f:
            f.write(traceback.format_exc())
`;

/** A game case: both players' weights moved off their fresh values, written as the app writes them. */
function prepareGame(c: Case, m: BuiltModel, game: ExportGame, folder: string): string[] {
  const weights: Record<string, Float32Array> = {};
  for (const model of [m.model, game.discriminator]) {
    perturbedWeights(model);
    for (const w of model.weights) weights[w.originalName] = w.read().dataSync() as Float32Array;
  }
  // The app writes a game's weights for PyTorch with kerasWeightsArrays (export/index.ts).
  const arrays = kerasWeightsArrays(c.graph, weights);
  if (!arrays.ok) throw new Error(arrays.error.message);
  writeFileSync(join(folder, 'weights.npz'), encodeNpz(arrays.value));
  const generator = game.kind === 'gan' ? m.model : m.decoder;
  if (!generator) throw new Error(`${c.id}: the adversarial autoencoder has no decoder`);
  games.set(c.id, {
    folder,
    generator,
    dispose: () => {
      disposeExportGame(game);
      m.dispose();
    },
  });
  return ['--generate', String(GENERATED), join(folder, 'out.npz')];
}

/** Builds each case's model in the app, writes its weights and script, and predicts in torch. */
async function predictAll(): Promise<void> {
  const args: string[] = [];
  for (const c of CASES) {
    const built = buildModel(c.graph);
    if (!built.ok) throw new Error(`${c.id}: ${built.error.message}`);
    const m = built.value;
    const folder = mkdtempSync(join(dir, `${c.id}-`));
    const game = exportGameOf(c.graph, 2);
    if (game) {
      args.push(writeScript(c, folder), JSON.stringify(prepareGame(c, m, game, folder)));
      continue;
    }
    const arrays = pytorchWeightArrays(perturbedWeights(m.model));
    if (!arrays.ok) throw new Error(arrays.error.message);
    writeFileSync(join(folder, 'weights.npz'), encodeNpz(arrays.value));
    const x = tf.tensor2d(digits, [SAMPLES, 784]);
    const output = (m.model.predict(x) as tf.Tensor).dataSync() as Float32Array;
    const code = m.spec.studio.codeLayer
      ? ((m.encoder.predict(x) as tf.Tensor).dataSync() as Float32Array)
      : null;
    x.dispose();
    m.dispose();
    expected.set(c.id, { folder, output, code });
    const argv = ['--predict', join(dir, 'digits.npy'), join(folder, 'out.npz')];
    args.push(writeScript(c, folder), JSON.stringify(argv));
  }
  const run = runPython(python, ['-c', DRIVER, ...args], dir);
  if (run.status !== 0) throw new Error(`The Python driver failed: ${run.stderr}`);
}

const scriptError = (folder: string) => {
  const error = join(folder, 'out.npz.error');
  return existsSync(error) ? readFileSync(error, 'utf8') : '';
};

describe('the PyTorch export of each preset', () => {
  beforeAll(predictAll, 600_000);

  const gameIds = PRESETS.filter((p) => {
    const compiled = compileGraph(p.graph);
    return compiled.ok && compiled.game !== null;
  }).map((p) => p.id);

  it('finds the game presets, whose scripts are checked by what they generate', () => {
    expect(gameIds).toEqual(expect.arrayContaining(['gan-dense', 'dcgan', 'aae']));
  });

  it.each(CASES.map((c) => c.id).filter((id) => !gameIds.includes(id)))(
    '%s loads the app weights in torch and predicts what the app predicts',
    (id) => {
      const { folder, output, code } = expected.get(id)!;
      expect(scriptError(folder)).toBe('');
      const { totals } = compileGraph(CASES.find((c) => c.id === id)!.graph).analysis;
      const got = readNpz(join(folder, 'out.npz'));
      expect(Array.from(got.params.data)).toEqual([totals.total, totals.trainable]);
      const outputDiff = maxDifference(got.output.data, output);
      const codeDiff = code ? maxDifference(got.code.data, code) : 0;
      console.info(
        `pytorch ${id}: params ${totals.total} (${totals.trainable} trainable), max |output diff| ${outputDiff.toExponential(2)}, max |code diff| ${code ? codeDiff.toExponential(2) : 'n/a'}`,
      );
      expect(outputDiff).toBeLessThan(1e-5);
      expect(codeDiff).toBeLessThan(1e-5);
    },
  );

  it.each(gameIds)(
    "%s loads the app weights of both players in torch and generates from its noise what the app's generator makes of it",
    (id) => {
      const { folder, generator } = games.get(id)!;
      expect(scriptError(folder)).toBe('');
      const got = readNpz(join(folder, 'out.npz'));
      const prior = CASES.find((c) => c.id === id)!.graph.nodes.find((n) => n.kind === 'Prior')!;
      expect(got.noise.shape).toEqual([GENERATED, prior.params.size]);
      const want = tf.tidy(() => {
        const noise = tf.tensor(Float32Array.from(got.noise.data), got.noise.shape);
        return (generator.predict(noise) as tf.Tensor).dataSync();
      });
      expect(got.samples.shape).toEqual([
        GENERATED,
        ...(generator.outputs[0].shape.slice(1) as number[]),
      ]);
      const diff = maxDifference(got.samples.data, want);
      console.info(`pytorch ${id}: max |generated diff| ${diff.toExponential(2)}`);
      expect(diff).toBeLessThan(1e-5);
    },
  );
});

describe('the PyTorch script trains', () => {
  const trainingData = async (count: number) => {
    const set = await loadBalancedDigits(count);
    writeFileSync(join(dir, 'train.npy'), encodeNpy(set.images, [count, 784]));
    writeFileSync(join(dir, 'labels.npy'), encodeNpy(Float32Array.from(set.labels), [count]));
  };

  it('lowers the loss of the default preset on real digits within a few steps', async () => {
    await trainingData(512);
    const folder = mkdtempSync(join(dir, 'train-'));
    const script = writeScript(presetCase('default'), folder);
    const run = runPython(python, [script, join(dir, 'train.npy'), '--max-steps', '12'], folder);
    expect(run.stderr).not.toMatch(/Traceback/);
    expect(run.status).toBe(0);
    const losses = [...run.stdout.matchAll(/^step \d+ loss ([\d.e+-]+)$/gm)].map((m) => +m[1]);
    expect(losses).toHaveLength(12);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(losses.slice(-3))).toBeLessThan(mean(losses.slice(0, 3)));
  }, 120_000);

  it.each([
    ['greedy', ['outer pair', 'inner pair', 'Fine-tune the whole stack']],
    [
      'classifier-reuse',
      ['Pretrain the autoencoder', 'Classifier on the pretrained encoder', 'Same classifier'],
    ],
  ])(
    'runs every phase of the %s procedure in order',
    async (id, labels) => {
      await trainingData(256);
      const folder = mkdtempSync(join(dir, `${id}-train-`));
      const script = writeScript(presetCase(id), folder);
      const args = [script, join(dir, 'train.npy'), '--labels', join(dir, 'labels.npy')];
      const run = runPython(python, [...args, '--max-steps', '2'], folder);
      expect(run.stderr).not.toMatch(/Traceback/);
      expect(run.status).toBe(0);
      const phases = [...run.stdout.matchAll(/^(.+): epoch 1\//gm)].map((m) => m[1]);
      expect(phases).toHaveLength(labels.length);
      phases.forEach((p, i) => expect(p.startsWith(labels[i])).toBe(true));
    },
    120_000,
  );
});
