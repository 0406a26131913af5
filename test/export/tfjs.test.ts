import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { unzipSync } from 'fflate';
import { build } from 'rolldown';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTfjsModel } from '../../src/main/services/export/tfjs';
import { importModelFile } from '../../src/main/services/export/importModel';
import { loadBalancedDigits } from '../../src/main/services/data/mnist';
import { buildModel, type BuiltModel } from '../../src/main/services/model';
import { PRESETS } from '../../src/shared/presets';
import { analyzeGraph } from '../../src/shared/compiler';
import type { GraphDocument } from '../../src/shared/graph/document';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// Inside node_modules so the bundles (and an unzipped custom-layers.js) find @tensorflow/tfjs the
// way an installed script would: one copy, the stock package.
const CACHE = join(ROOT, 'node_modules/.cache/autoencoder-studio-tests');
const LOADER = join(CACHE, 'loadAndPredict.mjs');
const TRAINER = join(CACHE, 'trainAndPredict.mjs');
const CUSTOM = new Set(['TiedDense', 'Code', 'Sampling', 'MaskingNoise', 'SaltAndPepperNoise']);
const run = promisify(execFile);
let workDir = '';
/** Largest prediction difference per preset and part, printed at the end for the report. */
const diffs: Record<string, number> = {};

const bundle = (source: string, file: string) =>
  build({
    input: fileURLToPath(new URL(source, import.meta.url)),
    platform: 'node',
    external: [/^@tensorflow\//, /^node:/],
    output: { file, format: 'esm' },
    logLevel: 'silent',
  });

beforeAll(async () => {
  await tf.setBackend('cpu');
  mkdirSync(CACHE, { recursive: true });
  await bundle('./loadAndPredict.ts', LOADER);
  await bundle('./trainAndPredict.ts', TRAINER);
  workDir = mkdtempSync(join(CACHE, 'tfjs-export-'));
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** Same graph, ignoring what a round trip cannot know: nothing, when the metadata matched. */
const structure = (doc: GraphDocument) => ({
  nodes: [...doc.nodes].sort((a, b) => a.id.localeCompare(b.id)),
  edges: [...doc.edges].map((e) => `${e.source}->${e.target}:${e.targetPort}`).sort(),
});

/** Unzips a zip into `into`, returning its entry names. */
function unzipTo(zip: string, into: string): string[] {
  const entries = unzipSync(new Uint8Array(readFileSync(zip)));
  for (const [name, data] of Object.entries(entries)) {
    mkdirSync(dirname(join(into, name)), { recursive: true });
    writeFileSync(join(into, name), data);
  }
  return Object.keys(entries);
}

/** Real digits shaped as the model's input (every preset reads 784 pixels, flat or 28x28). */
async function realDigits(m: BuiltModel, count: number) {
  const shape = [count, ...(m.model.inputs[0].shape.slice(1) as number[])];
  const digits = await loadBalancedDigits(count);
  const x = tf.tensor(digits.images, shape);
  // A classifier trains towards the labels, an autoencoder towards its input.
  const classes = m.model.outputs[0].shape[1] as number;
  const y = m.loss === 'categoricalCrossentropy' ? tf.oneHot(digits.labels, classes) : x;
  return { x, y, shape };
}

const maxDiff = (got: number[], want: Float32Array | Int32Array | Uint8Array) =>
  Math.max(...got.map((v, i) => Math.abs(v - want[i])));

const usesCustomLayers = (m: BuiltModel) =>
  m.spec.config.layers.some((l) => CUSTOM.has(l.class_name));

describe('TensorFlow.js export', () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))(
    'writes preset %s as one zip whose parts stock tfjs in a separate process loads and predicts as the app',
    async (id, preset) => {
      const built = buildModel(preset.graph);
      if (!built.ok) throw new Error(built.error.message);
      const m = built.value;
      try {
        const zip = join(workDir, `${id}-tfjs.zip`);
        const written = await writeTfjsModel(m, preset.graph, zip, preset.settings);
        expect(written.ok).toBe(true);
        const names = unzipTo(zip, join(workDir, 'unzipped'));
        const dir = join(workDir, 'unzipped', `${id}-tfjs`);
        const parts = m.decoder ? ['model', 'encoder', 'decoder'] : ['model', 'encoder'];
        expect(names.sort()).toEqual(
          [
            'README.md',
            ...[...parts, 'design'].flatMap((p) => [`${p}/model.json`, `${p}/weights.bin`]),
          ]
            .map((n) => `${id}-tfjs/${n}`)
            .sort(),
        );
        // The README says where the design is kept and what a VAE's encoder gives at inference.
        const readme = readFileSync(join(dir, 'README.md'), 'utf8');
        expect(readme).toContain('`design/`');
        if (preset.graph.nodes.some((n) => n.kind === 'Sampling'))
          expect(readme).toContain('`Sampling` (the variational autoencoder) outputs the mean');

        const { x, shape } = await realDigits(m, 3);
        const codeShape = [3, ...(m.encoder.outputs[0].shape.slice(1) as number[])];
        const code = tf.randomNormal(codeShape, 0, 1, 'float32', 8);
        const inputFile = join(workDir, `${id}-input.json`);
        writeFileSync(
          inputFile,
          JSON.stringify({
            input: Array.from(x.dataSync()),
            shape,
            code: Array.from(code.dataSync()),
            codeShape,
          }),
        );
        const { stdout } = await run(process.execPath, [LOADER, dir, inputFile], {
          maxBuffer: 64 << 20,
        });
        const got = JSON.parse(stdout) as Record<string, number[]>;

        const expected: Record<string, tf.Tensor> = {
          model: m.model.predict(x) as tf.Tensor,
          encoder: m.encoder.predict(x) as tf.Tensor,
        };
        if (m.decoder) expected.decoder = m.decoder.predict(code) as tf.Tensor;
        expect(Object.keys(got).sort()).toEqual(Object.keys(expected).sort());
        for (const [part, tensor] of Object.entries(expected)) {
          const diff = maxDiff(got[part], tensor.dataSync());
          diffs[`${id}/${part}`] = diff;
          expect(diff, `${id}/${part}`).toBeLessThan(1e-5);
          tensor.dispose();
        }
        x.dispose();
        code.dispose();

        // Its design/ folder opens again as the same project, weights included.
        const imported = await importModelFile(join(dir, 'design', 'model.json'));
        if (!imported.ok) throw new Error(imported.error.message);
        expect(structure(imported.value.graph)).toEqual(structure(preset.graph));
        expect(Object.keys(imported.value.weights).length).toBe(m.model.weights.length);
      } finally {
        m.dispose();
      }
    },
  );

  const custom = PRESETS.filter((p) => {
    const built = buildModel(p.graph);
    if (!built.ok) return false;
    const has = usesCustomLayers(built.value);
    built.value.dispose();
    return has;
  });

  it('finds the presets whose training model keeps custom layers', () => {
    expect(custom.map((p) => p.id)).toEqual(
      expect.arrayContaining(['stacked', 'tied', 'sparse-l1', 'sparse-kl', 'contractive', 'vae']),
    );
  });

  it.each(custom.map((p) => [p.id, p] as const))(
    'writes preset %s to continue training: stock tfjs with its custom-layers.js loads it, predicts as the app and trains',
    async (id, preset) => {
      const built = buildModel(preset.graph);
      if (!built.ok) throw new Error(built.error.message);
      const m = built.value;
      try {
        const zip = join(workDir, `${id}-tfjs-training.zip`);
        const written = await writeTfjsModel(m, preset.graph, zip, preset.settings, 'training');
        expect(written.ok).toBe(true);
        const names = unzipTo(zip, join(workDir, 'unzipped'));
        const top = `${id}-tfjs-training`;
        expect(names.sort()).toEqual(
          ['README.md', 'custom-layers.js', 'model.json', 'weights.bin'].map((n) => `${top}/${n}`),
        );
        const dir = join(workDir, 'unzipped', top);
        const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
        const kept = (json.modelTopology.config.layers as { class_name: string }[])
          .map((l) => l.class_name)
          .filter((c) => CUSTOM.has(c));
        expect(kept.length).toBeGreaterThan(0);
        expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain('loadTrainingModel');

        const { x, y, shape } = await realDigits(m, 64);
        const inputFile = join(workDir, `${id}-train.json`);
        writeFileSync(
          inputFile,
          JSON.stringify({
            input: Array.from(x.dataSync()),
            shape,
            target: Array.from(y.dataSync()),
            targetShape: y.shape,
          }),
        );
        const { stdout } = await run(process.execPath, [TRAINER, dir, inputFile, '8'], {
          maxBuffer: 64 << 20,
        });
        const got = JSON.parse(stdout) as { prediction: number[]; losses: number[] };
        const want = m.model.predict(x) as tf.Tensor;
        const diff = maxDiff(got.prediction, want.dataSync());
        diffs[`${id}/training`] = diff;
        expect(diff, `${id}/training`).toBeLessThan(1e-5);
        want.dispose();
        x.dispose();
        y.dispose();
        expect(got.losses).toHaveLength(8);
        expect(got.losses.every(Number.isFinite)).toBe(true);
        expect(got.losses[7]).toBeLessThan(got.losses[0]);
      } finally {
        m.dispose();
      }
    },
  );

  it('imports an exported design model.json without its metadata as the same structure', async () => {
    const preset = PRESETS.find((p) => p.id === 'vae')!;
    const dir = join(workDir, 'unzipped', 'vae-tfjs');
    const json = JSON.parse(readFileSync(join(dir, 'design', 'model.json'), 'utf8'));
    delete json.userDefinedMetadata;
    const bare = join(dir, 'design', 'bare.json');
    writeFileSync(bare, JSON.stringify(json));
    const imported = await importModelFile(bare);
    if (!imported.ok) throw new Error(imported.error.message);
    const g = imported.value.graph;
    expect(g.nodes.map((n) => n.kind).sort()).toEqual(preset.graph.nodes.map((n) => n.kind).sort());
    expect(g.edges).toHaveLength(preset.graph.edges.length);
    const analysis = analyzeGraph(g);
    expect(analysis.valid).toBe(true);
    expect(analysis.totals).toEqual(analyzeGraph(preset.graph).totals);
    console.log(JSON.stringify(diffs));
  });
});
