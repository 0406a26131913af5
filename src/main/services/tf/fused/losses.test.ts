import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend';
import { maxRelativeError, randomValues, runOn } from '../testing';
import {
  fusedBinaryCrossEntropy,
  fusedMeanSquaredError,
  plainBinaryCrossEntropy,
  plainMeanSquaredError,
} from './losses';

beforeAll(async () => {
  await initBackend('wasm');
});

const SHAPE = [16, 49];
const SIZE = 16 * 49;

/** Probabilities with some exactly 0 or 1 and some beyond the clip, and targets half binary. */
const data = () => {
  const p = randomValues(SIZE, 3).map((v, i) =>
    i % 37 === 0 ? 0 : i % 41 === 0 ? 1 : (v + 1) / 2,
  );
  const t = randomValues(SIZE, 4).map((v, i) => (i % 2 ? (v > 0 ? 1 : 0) : (v + 1) / 2));
  return { p: tf.tensor(p, SHAPE), t: tf.tensor(t, SHAPE) };
};

type Loss = (pred: tf.Tensor, target: tf.Tensor) => tf.Scalar;

/** The loss and its gradients for both inputs, scaled by 3 so that dy is not 1. */
const withGradients = (loss: Loss) => (): tf.Tensor[] => {
  const { p, t } = data();
  const f = (a: tf.Tensor, b: tf.Tensor) => loss(a, b).mul(3);
  const [dp, dt] = tf.grads(f)([p, t]);
  return [f(p, t), dp, dt];
};

const compare = async (fused: Loss, plain: Loss, backend: 'cpu' | 'wasm'): Promise<number> => {
  const expected = await runOn('cpu', withGradients(plain));
  const actual = await runOn(backend, withGradients(fused));
  return Math.max(...expected.map((e, i) => maxRelativeError(e, actual[i])));
};

describe('fused losses', () => {
  it.each(['cpu', 'wasm'] as const)(
    'binary cross-entropy and its gradients equal the composed formula on %s',
    async (backend) => {
      expect(await compare(fusedBinaryCrossEntropy, plainBinaryCrossEntropy, backend)).toBeLessThan(
        1e-5,
      );
    },
  );

  it.each(['cpu', 'wasm'] as const)(
    'mean squared error and its gradients equal the composed formula on %s',
    async (backend) => {
      expect(await compare(fusedMeanSquaredError, plainMeanSquaredError, backend)).toBeLessThan(
        1e-5,
      );
    },
  );

  it('runs as one kernel forward on wasm', async () => {
    await tf.setBackend('wasm');
    const { p, t } = data();
    const profile = await tf.profile(() => fusedBinaryCrossEntropy(p, t));
    expect(profile.kernelNames).toEqual(['StudioFusedBinaryCrossEntropy']);
    tf.dispose([p, t, profile.result as tf.Tensor]);
  });

  it('falls back to the composed formula when the target broadcasts', async () => {
    const [fused, plain] = await runOn('wasm', () => {
      const { p } = data();
      const t = tf.fill([49], 0.25);
      return [fusedBinaryCrossEntropy(p, t), plainBinaryCrossEntropy(p, t)];
    });
    expect(maxRelativeError(fused, plain)).toBe(0);
  });

  it('leaves no tensors behind per gradient step', async () => {
    await tf.setBackend('wasm');
    const { p, t } = data();
    const step = () =>
      tf.tidy(() => {
        tf.grad((x: tf.Tensor) => fusedBinaryCrossEntropy(x, t))(p);
      });
    step();
    const before = tf.memory().numTensors;
    step();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([p, t]);
  });
});
