/**
 * Every network of every game preset, as the compiler writes it, built in real Keras: its
 * trainable and non-trainable parameter counts and its input and output shapes must be the ones
 * the app's analysis gives (src/shared/compiler/gamePresets.test.ts works the same numbers out by
 * hand). Runs with AESTUDIO_KERAS_PYTHON pointing at a Python with TensorFlow and Keras.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileGraph, type GraphAnalysis, type KerasModelSpec } from '../../src/shared/compiler';
import { PRESETS } from '../../src/shared/presets';
import { findKerasPython } from './kerasPython';

const CHECKER = fileURLToPath(new URL('./gameKeras.py', import.meta.url));
const found = findKerasPython();
const skipReason = 'reason' in found ? found.reason : '';
const title = (what: string) =>
  'reason' in found ? `${what} (skipped: ${found.reason})` : `${what} (Keras ${found.keras})`;

interface KerasFigures {
  file: string;
  ok: boolean;
  error?: string;
  trainable?: number;
  non_trainable?: number;
  params?: number;
  input_shape?: number[];
  output_shape?: number[];
}

interface Network {
  preset: string;
  name: string;
  spec: KerasModelSpec;
  analysis: GraphAnalysis;
}

const NETWORKS: Network[] = PRESETS.flatMap((preset) => {
  const c = compileGraph(preset.graph);
  if (!c.ok || !c.game) return [];
  const g = c.game;
  const nets: [string, KerasModelSpec][] =
    g.kind === 'gan'
      ? [
          ['generator', g.generator],
          ['discriminator', g.discriminator],
        ]
      : [
          ['autoencoder', g.autoencoder],
          ['discriminator', g.discriminator],
        ];
  return nets.map(([name, spec]) => ({ preset: preset.id, name, spec, analysis: c.analysis }));
});

/** What the app's analysis says of a network: its layers' counts, its ends' shapes. */
function appFigures({ spec, analysis }: Network) {
  const ids = Object.values(spec.studio.nodeOfLayer);
  const sum = (key: 'trainableParams' | 'nonTrainableParams') =>
    ids.reduce((n, id) => n + analysis.nodes[id][key], 0);
  return {
    trainable: sum('trainableParams'),
    non_trainable: sum('nonTrainableParams'),
    input_shape: analysis.nodes[spec.studio.nodeOfLayer[spec.studio.inputLayer]].shape,
    output_shape: analysis.nodes[spec.studio.nodeOfLayer[spec.studio.outputLayer]].shape,
  };
}

describe.skipIf(skipReason !== '')('game networks in real Keras', () => {
  const results = new Map<string, KerasFigures>();
  const key = (n: Network) => `${n.preset} ${n.name}`;

  beforeAll(() => {
    if ('reason' in found) return;
    const dir = mkdtempSync(join(tmpdir(), 'keras-game-'));
    const files = NETWORKS.map((n) => {
      const file = join(dir, `${n.preset}-${n.name}.json`);
      // Keras reads its own fields; the app's studio block is no part of Keras' format.
      const { studio: _studio, ...keras } = n.spec;
      writeFileSync(file, JSON.stringify(keras));
      return file;
    });
    const run = spawnSync(found.python, [CHECKER, ...files], {
      encoding: 'utf8',
      timeout: 600_000,
      env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '3', CUDA_VISIBLE_DEVICES: '' },
    });
    const lines = run.stdout.split('\n').filter((l) => l.startsWith('RESULT '));
    if (lines.length !== files.length)
      throw new Error(`The Keras checker stopped (exit ${run.status}): ${run.stderr.slice(-3000)}`);
    lines.forEach((l, i) => results.set(key(NETWORKS[i]), JSON.parse(l.slice(7)) as KerasFigures));
  }, 900_000);

  // The figures the issue asks for: printed so a run's log shows what Keras reported.
  afterAll(() => {
    const rows = [...results].map(
      ([k, r]) =>
        `${k}: ${r.ok ? `trainable ${r.trainable}, non-trainable ${r.non_trainable}, in ${JSON.stringify(r.input_shape)}, out ${JSON.stringify(r.output_shape)}` : `FAILS ${r.error}`}`,
    );
    console.info(`Keras ${'keras' in found ? found.keras : ''}\n${rows.join('\n')}`);
  });

  it('covers the three game presets, two networks each', () => {
    expect(NETWORKS.map(key)).toEqual([
      'gan-dense generator',
      'gan-dense discriminator',
      'dcgan generator',
      'dcgan discriminator',
      'aae autoencoder',
      'aae discriminator',
    ]);
  });

  it.each(NETWORKS.map((n) => [key(n), n] as const))(
    title('%s: Keras builds it with the parameter counts and shapes the app gives'),
    (k, network) => {
      const r = results.get(k)!;
      expect(r.error ?? '').toBe('');
      const want = appFigures(network);
      expect({
        trainable: r.trainable,
        non_trainable: r.non_trainable,
        input_shape: r.input_shape,
        output_shape: r.output_shape,
      }).toEqual(want);
      expect(r.params).toBe(want.trainable + want.non_trainable);
    },
  );
});
