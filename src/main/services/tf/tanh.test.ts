import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from './backend';
import { fastKernelsInstalled } from './kernels/install';
import { cpuVsWasm, randomValues, runOn } from './testing';

beforeAll(async () => {
  await initBackend('wasm');
});

describe('Tanh on wasm with the fast kernel', () => {
  it('is the fast kernel in place', () => {
    expect(fastKernelsInstalled()).toBe(true);
  });

  it('equals Math.tanh within 2e-7 from -20 to 20, and keeps tiny values exact in relative terms', async () => {
    const values = Float32Array.from(randomValues(4001, 3), (v, i) => (i < 2000 ? v * 20 : v / 8));
    values.set([0, -0, 1e-30, -1e-8, 0.0624, -0.0626, 1e-3], 0);
    const [got] = await runOn('wasm', () => tf.tanh(tf.tensor(values)));
    for (let i = 0; i < values.length; i++) {
      const want = Math.tanh(values[i]);
      expect(Math.abs(got[i] - want)).toBeLessThan(2e-7);
      if (Math.abs(values[i]) < 0.0625 && want !== 0)
        expect(Math.abs(got[i] - want) / Math.abs(want)).toBeLessThan(1e-6);
    }
  });

  it('gives 1 and -1 at the infinities and NaN for NaN', async () => {
    const [got] = await runOn('wasm', () =>
      tf.tanh(tf.tensor([Infinity, -Infinity, NaN, 50, -50])),
    );
    expect(Array.from(got)).toEqual([1, -1, NaN, 1, -1]);
  });

  it('gives the gradient of a tanh layer as the cpu backend does', async () => {
    const x = randomValues(64 * 30, 5);
    const w = randomValues(30 * 20, 6);
    const error = await cpuVsWasm(() =>
      tf.grad((k: tf.Tensor) =>
        tf.tanh(tf.matMul(tf.tensor2d(x, [64, 30]), k as tf.Tensor2D)).sum(),
      )(tf.tensor2d(w, [30, 20]).mul(3)),
    );
    expect(error).toBeLessThan(1e-5);
  });
});
