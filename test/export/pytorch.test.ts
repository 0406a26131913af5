import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBalancedDigits } from '../../src/main/services/data/mnist';
import { encodeNpy, encodeNpz } from '../../src/main/services/export/npz';
import { buildModel } from '../../src/main/services/model';
import { flattenWeights } from '../../src/main/services/trainer/weights';
import { compileGraph } from '../../src/shared/compiler';
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

interface Expected {
  folder: string;
  output: Float32Array;
  code: Float32Array | null;
}
const expected = new Map<string, Expected>();

/**
 * Runs every script's --predict in one Python, so torch is imported once (about 8 s a process on
 * these machines); a script that fails leaves its traceback in `<out>.error`.
 */
const DRIVER = `
import runpy, sys, traceback
args = sys.argv[1:]
for script, inp, out in zip(args[0::3], args[1::3], args[2::3]):
    sys.argv = [script, "--predict", inp, out]
    try:
        runpy.run_path(script, run_name="__main__")
    except BaseException:
        with open(out + ".error", "w") as f:
            f.write(traceback.format_exc())
`;

/** Builds each case's model in the app, writes its weights and script, and predicts in torch. */
async function predictAll(): Promise<void> {
  const args: string[] = [];
  for (const c of CASES) {
    const built = buildModel(c.graph);
    if (!built.ok) throw new Error(`${c.id}: ${built.error.message}`);
    const m = built.value;
    const folder = mkdtempSync(join(dir, `${c.id}-`));
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
    args.push(writeScript(c, folder), join(dir, 'digits.npy'), join(folder, 'out.npz'));
  }
  const run = runPython(python, ['-c', DRIVER, ...args], dir);
  if (run.status !== 0) throw new Error(`The Python driver failed: ${run.stderr}`);
}

describe('the PyTorch export of each preset', () => {
  beforeAll(predictAll, 600_000);

  it.each(CASES.map((c) => c.id))(
    '%s loads the app weights in torch and predicts what the app predicts',
    (id) => {
      const { folder, output, code } = expected.get(id)!;
      const error = join(folder, 'out.npz.error');
      expect(existsSync(error) ? readFileSync(error, 'utf8') : '').toBe('');
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
