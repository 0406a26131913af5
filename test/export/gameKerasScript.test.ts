/**
 * The Keras script of adversarial designs, run in real TensorFlow/Keras (AESTUDIO_KERAS_PYTHON):
 * it loads the app's weights, plays the game two steps with tf.GradientTape on digits and saves
 * every network; its generator with the app's weights computes what the app's does.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBalancedDigits } from '../../src/main/services/data/mnist';
import { encodeNpy, encodeNpz } from '../../src/main/services/export/npz';
import { assemble } from '../../src/main/services/model/assemble';
import { compileGraph } from '../../src/shared/compiler';
import { networksOf } from '../../src/shared/export/game/compiled';
import { exportKerasScript, kerasWeightsArrays } from '../../src/shared/export/keras';
import { getPreset } from '../../src/shared/presets';
import { seededRandom } from '../../src/shared/util/random';
import { findKerasPython } from './kerasPython';
import { maxDifference, readNpz } from './torchPython';

const found = findKerasPython();
const title = (what: string) =>
  'reason' in found ? `${what} (skipped: ${found.reason})` : `${what} (Keras ${found.keras})`;

const SAMPLES = 16;
let dir: string;

const runKeras = (python: string, args: string[], cwd: string) =>
  spawnSync(python, args, {
    cwd,
    encoding: 'utf8',
    timeout: 600_000,
    env: {
      ...process.env,
      TF_CPP_MIN_LOG_LEVEL: '3',
      CUDA_VISIBLE_DEVICES: '',
      OMP_NUM_THREADS: '2',
    },
  });

/** The preset's networks as the app builds them, every weight moved off its fresh value. */
function appNetworks(id: string) {
  const compiled = compileGraph(getPreset(id)!.graph);
  if (!compiled.ok || !compiled.game) throw new Error(`${id} plays no game`);
  const random = seededRandom(5);
  const weights: Record<string, Float32Array> = {};
  const models = networksOf(compiled.game).map(([name, spec], k) => {
    const model = assemble(spec, k + 1).model;
    for (const w of model.weights) {
      const data = Float32Array.from(w.read().dataSync(), (v) =>
        w.originalName.endsWith('moving_variance')
          ? 1 + random() * 0.5
          : v + (random() - 0.5) * 0.1,
      );
      weights[w.originalName] = data;
      w.write(tf.tensor(data, w.shape as number[]));
    }
    return [name, model] as const;
  });
  return { weights, models: new Map(models) };
}

/** Imports the script, loads the app's weights and writes the generator's samples of noise.npy. */
const CHECKER = `
import importlib.util, sys
import numpy as np
spec = importlib.util.spec_from_file_location("game", sys.argv[1])
game = importlib.util.module_from_spec(spec)
spec.loader.exec_module(game)
assert game.load_trained_weights(), "no weights loaded"
noise = np.load("noise.npy")
np.savez("generated.npz", samples=game.generator(noise, training=False).numpy())
`;

beforeAll(async () => {
  await tf.setBackend('cpu');
  dir = mkdtempSync(join(tmpdir(), 'game-keras-script-'));
  const digits = (await loadBalancedDigits(SAMPLES)).images;
  writeFileSync(join(dir, 'digits.npy'), encodeNpy(digits, [SAMPLES, 784]));
  writeFileSync(join(dir, 'check.py'), CHECKER);
});

function writeScript(id: string, weights: Record<string, Float32Array>): string {
  const preset = getPreset(id)!;
  const folder = join(dir, id);
  mkdirSync(folder, { recursive: true });
  const script = exportKerasScript(
    preset.graph,
    { ...preset.settings, batchSize: 8 },
    { title: id, weightsFile: 'weights.npz' },
  );
  if (!script.ok) throw new Error(script.error.message);
  writeFileSync(join(folder, 'game.py'), script.value);
  const arrays = kerasWeightsArrays(preset.graph, weights);
  if (!arrays.ok) throw new Error(arrays.error.message);
  writeFileSync(join(folder, 'weights.npz'), encodeNpz(arrays.value));
  return folder;
}

describe.skipIf('reason' in found)('a game exported as a Keras script, in real Keras', () => {
  const python = 'python' in found ? found.python : '';

  it.each([
    ['gan-dense', ['generator', 'discriminator']],
    ['aae', ['autoencoder', 'discriminator']],
  ] as const)(
    title('%s: loads the app’s weights, plays the game 2 steps on digits and saves %j'),
    (id, saved) => {
      const folder = writeScript(id, appNetworks(id).weights);
      const run = runKeras(
        python,
        ['game.py', join(dir, 'digits.npy'), '--max-steps', '2', '--out', 'saved'],
        folder,
      );
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain('Loaded the weights the app trained');
      expect(run.stdout).toMatch(/step 2: .*D loss \d/);
      expect(run.stdout).not.toMatch(/step 3/);
      expect(run.stdout).not.toMatch(/nan/i);
      for (const name of saved)
        expect(existsSync(join(folder, 'saved', `${name}.keras`))).toBe(true);
    },
  );

  it(
    title("gan-dense: the script's generator with the app's weights computes the app's generator"),
    () => {
      const app = appNetworks('gan-dense');
      const folder = writeScript('gan-dense', app.weights);
      const noise = Float32Array.from({ length: 4 * 100 }, seededRandom(3));
      writeFileSync(join(folder, 'noise.npy'), encodeNpy(noise, [4, 100]));
      const run = runKeras(python, [join(dir, 'check.py'), 'game.py'], folder);
      expect(run.status, run.stderr).toBe(0);
      const samples = readNpz(join(folder, 'generated.npz')).samples;
      const generator = app.models.get('generator')!;
      const expected = generator.predict(tf.tensor(noise, [4, 100])) as tf.Tensor;
      expect(samples.shape).toEqual(expected.shape);
      const diff = maxDifference(samples.data, expected.dataSync());
      console.info(`Keras generator vs the app's: largest difference ${diff}`);
      expect(diff).toBeLessThan(1e-5);
    },
  );
});
