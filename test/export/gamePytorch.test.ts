/**
 * The PyTorch export of adversarial designs, run in Debian's torch: the game trains a few steps on
 * digits, `--generate` writes samples of the data's shape, and the script's generator with the
 * app's weights computes what the app's own tfjs generator computes.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBalancedDigits } from '../../src/main/services/data/mnist';
import { encodeNpy, encodeNpz } from '../../src/main/services/export/npz';
import { assemble } from '../../src/main/services/model/assemble';
import { compileGraph } from '../../src/shared/compiler';
import { kerasWeightsArrays } from '../../src/shared/export/keras';
import { exportPytorchScript } from '../../src/shared/export/pytorch';
import { getPreset } from '../../src/shared/presets';
import { seededRandom } from '../../src/shared/util/random';
import { maxDifference, readNpz, runPython, torchPython } from './torchPython';

const SAMPLES = 24;
let python: string;
let dir: string;

beforeAll(async () => {
  await tf.setBackend('cpu');
  python = torchPython();
  dir = mkdtempSync(join(tmpdir(), 'game-pytorch-'));
  const digits = (await loadBalancedDigits(SAMPLES)).images;
  writeFileSync(join(dir, 'digits.npy'), encodeNpy(digits, [SAMPLES, 784]));
});

/** The preset's script in its own folder, with the .npz of weights it loads beside it. */
function writeScript(id: string, weights?: Record<string, Float32Array>): string {
  const preset = getPreset(id)!;
  const folder = join(dir, id);
  mkdirSync(folder, { recursive: true });
  const settings = { ...preset.settings, batchSize: 8 };
  const script = exportPytorchScript(preset.graph, settings, {
    title: id,
    weightsFile: weights ? 'weights.npz' : undefined,
  });
  if (!script.ok) throw new Error(script.error.message);
  writeFileSync(join(folder, 'game.py'), script.value);
  if (weights) {
    const arrays = kerasWeightsArrays(preset.graph, weights);
    if (!arrays.ok) throw new Error(arrays.error.message);
    writeFileSync(join(folder, 'weights.npz'), encodeNpz(arrays.value));
  }
  return folder;
}

describe('a game exported as PyTorch', () => {
  for (const [id, shape] of [
    ['gan-dense', [784]],
    ['aae', [784]],
  ] as const) {
    it(`plays ${id}'s game for 3 steps on digits and --generate writes samples of the data's shape`, () => {
      const folder = writeScript(id);
      const run = runPython(
        python,
        ['game.py', join(dir, 'digits.npy'), '--max-steps', '3', '--generate', '5', 'out.npz'],
        folder,
      );
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/step 3: .*D loss \d/);
      expect(run.stdout).not.toMatch(/step 4/);
      const out = readNpz(join(folder, 'out.npz'));
      const prior = getPreset(id)!.graph.nodes.find((n) => n.kind === 'Prior')!;
      expect(out.samples.shape).toEqual([5, ...shape]);
      expect(out.noise.shape).toEqual([5, prior.params.size]);
      expect(out.samples.data.every(Number.isFinite)).toBe(true);
    });
  }

  for (const id of ['gan-dense', 'dcgan']) {
    it(`${id}: the script's generator with the app's trained weights computes the app's generator`, () => {
      const compiled = compileGraph(getPreset(id)!.graph);
      if (!compiled.ok || compiled.game?.kind !== 'gan') throw new Error(`${id} is not a GAN`);
      const random = seededRandom(11);
      // Every weight moved off its fresh value, so a misplaced bias or statistic shows.
      const weights: Record<string, Float32Array> = {};
      const generator = assemble(compiled.game.generator, 1).model;
      const discriminator = assemble(compiled.game.discriminator, 2).model;
      for (const model of [generator, discriminator]) {
        for (const w of model.weights) {
          const data = Float32Array.from(w.read().dataSync(), (v) =>
            w.originalName.endsWith('moving_variance')
              ? 1 + random() * 0.5
              : v + (random() - 0.5) * 0.1,
          );
          weights[w.originalName] = data;
          w.write(tf.tensor(data, w.shape as number[]));
        }
      }
      const folder = writeScript(id, weights);
      const run = runPython(python, ['game.py', '--generate', '6', 'out.npz'], folder);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).not.toMatch(/No trained weights/);
      const out = readNpz(join(folder, 'out.npz'));
      const noise = tf.tensor(Float32Array.from(out.noise.data), out.noise.shape);
      const expected = generator.predict(noise) as tf.Tensor;
      expect(out.samples.shape).toEqual(expected.shape);
      const diff = maxDifference(out.samples.data, expected.dataSync());
      console.info(`${id}: torch generator vs the app's, largest difference ${diff}`);
      expect(diff).toBeLessThan(1e-5);
      expect(existsSync(join(folder, 'out.npz'))).toBe(true);
    });
  }
});
