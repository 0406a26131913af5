import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeNpy, encodeNpz } from '../../src/main/services/export/npz';
import { buildModel } from '../../src/main/services/model';
import { analyzeGraph } from '../../src/shared/compiler';
import { exportKerasScript, kerasWeightsArrays } from '../../src/shared/export/keras';
import type { Preset } from '../../src/shared/presets';
import { seededRandom } from '../../src/shared/util/random';
import { KERAS_CASES } from './kerasCases';
import { findKerasPython } from './kerasPython';

const CHECKER = fileURLToPath(new URL('./kerasRoundTrip.py', import.meta.url));
const found = findKerasPython();
const skipReason = 'reason' in found ? found.reason : '';
const title = (what: string) =>
  'reason' in found ? `${what} (skipped: ${found.reason})` : `${what} (Keras ${found.keras})`;

interface RoundTrip {
  script: string;
  ok: boolean;
  error?: string;
  trace?: string;
  params?: number;
  reload_params?: number;
  phases?: number;
  losses?: number[];
  reload_max_diff?: number;
  app_max_diff?: number;
  linked?: boolean[];
}

const fileOf = (id: string) => id.replace(/[^a-z0-9]/g, '_');

/**
 * The app's model of a preset with every weight moved off its starting value (so a bias or a
 * moving variance in the wrong place shows), its predictions on a few inputs, and its weights by
 * the names the app gives them.
 */
function appModel(preset: Preset) {
  const built = buildModel(preset.graph);
  if (!built.ok) throw new Error(built.error.message);
  const m = built.value;
  const random = seededRandom(7);
  const weights: Record<string, Float32Array> = {};
  const values = m.model.weights.map((w) => {
    const data = Float32Array.from(w.read().dataSync(), (v) =>
      w.originalName.endsWith('moving_variance') ? 1 + random() * 0.5 : v + (random() - 0.5) * 0.1,
    );
    weights[w.originalName] = data;
    return tf.tensor(data, w.shape as number[]);
  });
  m.model.setWeights(values);
  tf.dispose(values);
  const inputShape = [4, ...m.inputShape];
  const input = Float32Array.from({ length: inputShape.reduce((a, b) => a * b, 1) }, () =>
    random(),
  );
  const output = tf.tidy(() => m.model.predict(tf.tensor(input, inputShape)) as tf.Tensor);
  const expected = { data: Float32Array.from(output.dataSync()), shape: output.shape };
  output.dispose();
  m.dispose();
  return { weights, input: { data: input, shape: inputShape }, expected };
}

/** Runs the checker once over every script: one interpreter, TensorFlow imported once. */
function runChecker(python: string, outDir: string, scripts: string[]): Promise<RoundTrip[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(python, [CHECKER, outDir, ...scripts], {
      env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '3', CUDA_VISIBLE_DEVICES: '' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const results = out
        .split('\n')
        .filter((l) => l.startsWith('RESULT '))
        .map((l) => JSON.parse(l.slice(7)) as RoundTrip);
      if (results.length !== scripts.length)
        reject(new Error(`The Keras checker stopped (exit ${code}): ${err.slice(-3000)}`));
      else resolve(results);
    });
  });
}

describe.skipIf(skipReason !== '')('Keras export in real Keras', () => {
  const results = new Map<string, RoundTrip>();

  beforeAll(async () => {
    if ('reason' in found) return;
    await tf.setBackend('cpu');
    const dir = mkdtempSync(join(tmpdir(), 'keras-real-'));
    mkdirSync(join(dir, 'saved'));
    const scripts = KERAS_CASES.map((preset) => {
      const name = fileOf(preset.id);
      const script = exportKerasScript(preset.graph, preset.settings, {
        title: preset.title,
        procedure: preset.procedure,
        weightsFile: `${name}-weights.npz`,
      });
      if (!script.ok) throw new Error(script.error.message);
      const app = appModel(preset);
      const arrays = kerasWeightsArrays(preset.graph, app.weights);
      if (!arrays.ok) throw new Error(arrays.error.message);
      writeFileSync(join(dir, `${name}-weights.npz`), encodeNpz(arrays.value));
      writeFileSync(join(dir, `${name}.input.npy`), encodeNpy(app.input.data, app.input.shape));
      writeFileSync(
        join(dir, `${name}.expected.npy`),
        encodeNpy(app.expected.data, app.expected.shape),
      );
      writeFileSync(join(dir, `${name}.py`), script.value);
      return join(dir, `${name}.py`);
    });
    const checked = await runChecker(found.python, join(dir, 'saved'), scripts);
    KERAS_CASES.forEach((p, i) => results.set(p.id, checked[i]));
  }, 1_200_000);

  // The figures the issue asks for, per design: printed so a run's log shows what was measured.
  afterAll(() => {
    const rows = [...results].map(
      ([id, r]) =>
        `${id}: ${r.ok ? 'builds, trains, saves, reloads' : `FAILS ${r.error}`}; params ${r.params}; phases ${r.phases}; reload max diff ${r.reload_max_diff}; app max diff ${r.app_max_diff}`,
    );
    console.info(`Keras ${'keras' in found ? found.keras : ''}\n${rows.join('\n')}`);
  });

  it.each(KERAS_CASES.map((p) => [p.id, p] as const))(
    title(
      '%s: builds with the app’s parameter count, trains two steps, saves, reloads with equal predictions and reproduces the app’s predictions from its weights',
    ),
    (id, preset) => {
      const r = results.get(id)!;
      expect(r.error ? `${r.error}\n${r.trace}` : '').toBe('');
      const { totals } = analyzeGraph(preset.graph);
      expect(r.params).toBe(totals.total);
      expect(r.reload_params).toBe(totals.total);
      expect(r.losses!.every(Number.isFinite)).toBe(true);
      expect(r.reload_max_diff).toBeLessThanOrEqual(1e-6);
      expect(r.app_max_diff).toBeLessThanOrEqual(1e-5);
      // Tied partners and a contractive code's Dense are the loaded model's own layers (no copy).
      expect(r.linked!.every(Boolean)).toBe(true);
      const p = preset.procedure;
      // Greedy: one fit per pair, then fine-tuning; reuse: pretrain, pretrained, from scratch.
      const phases = !p
        ? 1
        : p.kind === 'greedy'
          ? p.phases.length + (p.fineTuneEpochs === 0 ? 0 : 1)
          : 3;
      expect(r.phases).toBe(phases);
    },
  );
});
