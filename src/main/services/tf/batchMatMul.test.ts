import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from './backend';
import { cpuVsWasm, randomValues } from './testing';

beforeAll(async () => {
  await initBackend('wasm');
});

const cases: Array<[number[], number[], boolean, boolean]> = [
  [[7, 5], [5, 3], false, false],
  [[5, 7], [5, 3], true, false],
  [[7, 5], [3, 5], false, true],
  [[5, 7], [3, 5], true, true],
  [[256, 784], [256, 128], true, false],
  [[256, 128], [784, 128], false, true],
  [[3, 4, 6], [3, 4, 2], true, false],
  [[2, 6, 4], [2, 5, 4], false, true],
  [[2, 4, 6], [1, 5, 4], true, true],
  [[1, 9], [1, 9], true, false],
];

describe('BatchMatMul on wasm with the fast kernel', () => {
  it.each(cases)(
    'multiplies %j by %j (transposeA %s, transposeB %s) as the cpu backend does',
    async (sa, sb, ta, tb) => {
      const a = randomValues(
        sa.reduce((x, y) => x * y),
        1 + sa.length,
      );
      const b = randomValues(
        sb.reduce((x, y) => x * y),
        7 + sb.length,
      );
      const error = await cpuVsWasm(() => tf.matMul(tf.tensor(a, sa), tf.tensor(b, sb), ta, tb));
      expect(error).toBeLessThan(1e-4);
    },
  );

  it('leaves no tensors behind', async () => {
    await tf.setBackend('wasm');
    const before = tf.memory().numTensors;
    const backend = tf.backend() as unknown as { numDataIds(): number };
    const idsBefore = backend.numDataIds();
    tf.tidy(() => {
      tf.matMul(tf.ones([4, 3]), tf.ones([4, 5]), true, false);
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(backend.numDataIds()).toBe(idsBefore);
  });

  it('gives the gradients of a dense layer that the cpu backend gives', async () => {
    const x = randomValues(32 * 20, 3);
    const w = randomValues(20 * 10, 4);
    const error = await cpuVsWasm(() => {
      const grads = tf.grads((xs: tf.Tensor, ws: tf.Tensor) =>
        tf.relu(tf.matMul(xs, ws)).square().sum(),
      );
      return grads([tf.tensor2d(x, [32, 20]), tf.tensor2d(w, [20, 10])]);
    });
    expect(error).toBeLessThan(1e-4);
  });
});
