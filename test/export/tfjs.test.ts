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
import {
  disposeExportGame,
  exportGameOf,
  type ExportGame,
} from '../../src/main/services/export/gameExport';
import { importModelFile } from '../../src/main/services/export/importModel';
import { importModelText } from '../../src/shared/export/importFiles';
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

/** What a part's folder is fed: digits, codes, or the Prior's noise, all seeded. */
interface Feed {
  values: tf.Tensor;
  shape: number[];
}

/**
 * Each inference part the zip must hold, with the app's model for it and what it is fed: an
 * autoencoder's model and encoder read digits, its decoder codes; a GAN's generator reads noise
 * drawn as its Prior draws it, its discriminator digits; an AAE's discriminator reads codes.
 */
async function partsToCheck(
  m: BuiltModel,
  game: ExportGame | null,
): Promise<Record<string, { model: tf.LayersModel; feed: Feed }>> {
  const seeded = (model: tf.LayersModel, spread = 1): Feed => {
    const shape = [3, ...(model.inputs[0].shape.slice(1) as number[])];
    return { values: tf.randomNormal(shape, 0, spread, 'float32', 8), shape };
  };
  const digitsFor = async (model: tf.LayersModel): Promise<Feed> => {
    const shape = [3, ...(model.inputs[0].shape.slice(1) as number[])];
    return { values: tf.tensor((await loadBalancedDigits(3)).images, shape), shape };
  };
  if (game?.game.kind === 'gan')
    return {
      generator: { model: m.model, feed: seeded(m.model, game.game.prior.spread) },
      discriminator: { model: game.discriminator, feed: await digitsFor(game.discriminator) },
    };
  const parts: Record<string, { model: tf.LayersModel; feed: Feed }> = {
    model: { model: m.model, feed: await digitsFor(m.model) },
    encoder: { model: m.encoder, feed: await digitsFor(m.encoder) },
  };
  if (m.decoder) parts.decoder = { model: m.decoder, feed: seeded(m.decoder) };
  if (game) parts.discriminator = { model: game.discriminator, feed: seeded(game.discriminator) };
  return parts;
}

describe('TensorFlow.js export', () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))(
    'writes preset %s as one zip whose parts stock tfjs in a separate process loads and predicts as the app',
    async (id, preset) => {
      const built = buildModel(preset.graph);
      if (!built.ok) throw new Error(built.error.message);
      const m = built.value;
      // A game's discriminator, built as the export builds it, so its predictions can be compared.
      const game = exportGameOf(preset.graph, 3);
      try {
        const zip = join(workDir, `${id}-tfjs.zip`);
        const written = await writeTfjsModel(
          m,
          preset.graph,
          zip,
          preset.settings,
          'inference',
          game,
        );
        expect(written.ok).toBe(true);
        const names = unzipTo(zip, join(workDir, 'unzipped'));
        const dir = join(workDir, 'unzipped', `${id}-tfjs`);
        const checks = await partsToCheck(m, game);
        const parts = Object.keys(checks);
        // A GAN is its generator (what people deploy) and its judge: no model, encoder or decoder.
        if (game?.kind === 'gan') expect(parts).toEqual(['generator', 'discriminator']);
        if (game?.kind === 'aae')
          expect(parts).toEqual(['model', 'encoder', 'decoder', 'discriminator']);
        if (written.ok) expect(written.value).toEqual(parts);
        // A top-k code acts at inference too, so its zip brings the app's layer class along.
        const keepsAppLayer = preset.graph.nodes.some(
          (n) => n.kind === 'Code' && n.params.winners === 'top-k',
        );
        expect(names.sort()).toEqual(
          [
            'README.md',
            ...(keepsAppLayer ? ['custom-layers.js'] : []),
            ...[...parts, 'design'].flatMap((p) => [`${p}/model.json`, `${p}/weights.bin`]),
            // A game's design keeps both players: the discriminator's weights beside the network's.
            ...(game ? ['design/discriminator.bin'] : []),
          ]
            .map((n) => `${id}-tfjs/${n}`)
            .sort(),
        );
        // The README says where the design is kept and what a VAE's encoder gives at inference.
        const readme = readFileSync(join(dir, 'README.md'), 'utf8');
        expect(readme).toContain('`design/`');
        if (preset.graph.nodes.some((n) => n.kind === 'Sampling'))
          expect(readme).toContain('`Sampling` (the variational autoencoder) outputs the mean');
        if (keepsAppLayer) expect(readme).toContain("import './custom-layers.js'");
        if (game) {
          expect(readme).toContain('`discriminator/` is included as well');
          expect(readme).toContain('`design/discriminator.bin`');
        }
        if (game?.kind === 'gan') {
          expect(readme).toContain("- `generator/`: the generator: the Prior's noise");
          expect(readme).toContain("tf.loadLayersModel('generator/model.json')");
          expect(readme).not.toMatch(/`(model|encoder|decoder)\/`/);
          const json = JSON.parse(readFileSync(join(dir, 'generator', 'model.json'), 'utf8'));
          expect(json.modelTopology.config.name).toBe('generator');
        }
        if (game?.kind === 'aae') expect(readme).toContain('`decoder/` is also its generator');

        const inputFile = join(workDir, `${id}-input.json`);
        const feeds = Object.fromEntries(
          Object.entries(checks).map(([part, { feed }]) => [
            part,
            { values: Array.from(feed.values.dataSync()), shape: feed.shape },
          ]),
        );
        writeFileSync(inputFile, JSON.stringify({ feeds }));
        const { stdout } = await run(process.execPath, [LOADER, dir, inputFile], {
          maxBuffer: 64 << 20,
        });
        const got = JSON.parse(stdout) as Record<string, number[]>;
        expect(Object.keys(got).sort()).toEqual([...parts].sort());
        for (const [part, { model, feed }] of Object.entries(checks)) {
          const want = model.predict(feed.values) as tf.Tensor;
          const diff = maxDiff(got[part], want.dataSync());
          diffs[`${id}/${part}`] = diff;
          expect(diff, `${id}/${part}`).toBeLessThan(1e-5);
          tf.dispose([want, feed.values]);
        }

        // Its design/ folder opens again as the same project, weights included (both players').
        const imported = await importModelFile(join(dir, 'design', 'model.json'));
        if (!imported.ok) throw new Error(imported.error.message);
        expect(structure(imported.value.graph)).toEqual(structure(preset.graph));
        expect(Object.keys(imported.value.weights).length).toBe(
          m.model.weights.length + (game?.discriminator.weights.length ?? 0),
        );
        if (game) {
          const w = game.discriminator.weights[0];
          expect(Array.from(imported.value.weights[w.originalName].values)).toEqual(
            Array.from(w.read().dataSync()),
          );
        }
      } finally {
        disposeExportGame(game);
        m.dispose();
      }
    },
  );

  it("opens a game's design with both players' weights, and without discriminator.bin says which file is missing", () => {
    const dir = join(workDir, 'unzipped', 'gan-dense-tfjs', 'design');
    const text = readFileSync(join(dir, 'model.json'), 'utf8');
    const bin = (name: string) => ({ name, data: new Uint8Array(readFileSync(join(dir, name))) });
    const whole = importModelText(text, [bin('weights.bin'), bin('discriminator.bin')]);
    if (!whole.ok) throw new Error(whole.error.message);
    const kinds = whole.value.graph.nodes.map((n) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(['Prior', 'Adversary', 'Input']));
    expect(Object.keys(whole.value.weights)).toEqual(
      expect.arrayContaining(['generator_1/kernel', 'discriminator_1/kernel']),
    );
    expect(Object.keys(whole.value.weights)).toHaveLength(8);
    const half = importModelText(text, [bin('weights.bin')]);
    expect(half.ok).toBe(false);
    if (!half.ok) expect(half.error.message).toContain('"discriminator.bin"');
  });

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
