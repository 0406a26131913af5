import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend';
import { maxRelativeError, randomValues } from '../testing';
import { FusedOptimizer, createFastOptimizer, type FastOptimizerSettings } from './fastOptimizer';

beforeAll(async () => {
  await initBackend('wasm');
});

const SHAPES = [[7, 5], [5], [3, 2, 4]];
const STEPS = 6;

/** Variables after STEPS steps of `make()` on a fixed quadratic-ish loss, as plain arrays. */
const train = async (
  backend: 'cpu' | 'wasm',
  make: () => tf.Optimizer,
): Promise<Float32Array[]> => {
  await tf.setBackend(backend);
  const vars = SHAPES.map((s, i) =>
    tf.variable(
      tf.tensor(
        randomValues(
          s.reduce((a, b) => a * b),
          10 + i,
        ),
        s,
      ),
    ),
  );
  const targets = SHAPES.map((s, i) =>
    tf.tensor(
      randomValues(
        s.reduce((a, b) => a * b),
        50 + i,
      ),
      s,
    ),
  );
  const optimizer = make();
  for (let step = 0; step < STEPS; step++)
    tf.tidy(() => {
      const { grads } = tf.variableGrads(
        () =>
          tf.addN(
            vars.map((v, i) => v.sub(targets[i]).square().mul(v.abs().add(1)).sum()),
          ) as tf.Scalar,
        vars,
      );
      optimizer.applyGradients(grads);
    });
  const out = vars.map((v) => v.dataSync().slice() as Float32Array);
  optimizer.dispose();
  tf.dispose([...vars, ...targets]);
  return out;
};

const stock: Record<
  FastOptimizerSettings['optimizer'],
  (s: FastOptimizerSettings) => tf.Optimizer
> = {
  adam: (s) => tf.train.adam(s.learningRate),
  sgd: (s) => tf.train.momentum(s.learningRate, s.momentum),
  rmsprop: (s) => tf.train.rmsprop(s.learningRate),
};

const worst = (a: Float32Array[], b: Float32Array[]): number =>
  Math.max(...a.map((x, i) => maxRelativeError(x, b[i])));

describe('fused optimizer', () => {
  it.each(['adam', 'sgd', 'rmsprop'] as const)(
    '%s takes the same steps as the tf.train optimizer on the cpu and the wasm backend',
    async (optimizer) => {
      const settings = { optimizer, learningRate: 0.05, momentum: 0.8 };
      const expected = await train('cpu', () => stock[optimizer](settings));
      const onCpu = await train('cpu', () => createFastOptimizer(settings));
      const onWasm = await train('wasm', () => createFastOptimizer(settings));
      expect(worst(onCpu, expected)).toBeLessThan(2e-5);
      expect(worst(onWasm, expected)).toBeLessThan(2e-5);
      // The variables really moved: the comparison is not between two untouched copies.
      const start = SHAPES.map((s, i) =>
        randomValues(
          s.reduce((a, b) => a * b),
          10 + i,
        ),
      );
      expect(worst(expected, start)).toBeGreaterThan(1e-3);
    },
  );

  it('is a fused in-place optimizer on wasm and cpu', async () => {
    for (const backend of ['wasm', 'cpu'] as const) {
      await tf.setBackend(backend);
      const optimizer = createFastOptimizer({ optimizer: 'adam', learningRate: 1e-3, momentum: 0 });
      expect(optimizer).toBeInstanceOf(FusedOptimizer);
      optimizer.dispose();
    }
  });

  it('leaves a clone of a variable untouched when it updates the variable', async () => {
    await tf.setBackend('wasm');
    const v = tf.variable(tf.tensor1d([1, 2, 3]));
    const snapshot = v.clone();
    const optimizer = createFastOptimizer({ optimizer: 'sgd', learningRate: 0.5, momentum: 0 });
    tf.tidy(() => optimizer.applyGradients({ [v.name]: tf.tensor1d([1, 1, 1]) }));
    expect(Array.from(snapshot.dataSync())).toEqual([1, 2, 3]);
    expect(Array.from(v.dataSync())).toEqual([0.5, 1.5, 2.5]);
    optimizer.dispose();
    tf.dispose([v, snapshot]);
  });

  it('updates weights that a wasm fused matMul has already packed into its cached operator', async () => {
    await tf.setBackend('wasm');
    const w = tf.variable(tf.tensor2d(randomValues(12, 8), [4, 3]));
    const x = tf.tensor2d(randomValues(8, 9), [2, 4]);
    const product = () =>
      tf.tidy(() => tf.fused.matMul({ a: x, b: w, activation: 'relu' }).dataSync());
    product();
    const optimizer = createFastOptimizer({ optimizer: 'sgd', learningRate: 0.5, momentum: 0 });
    tf.tidy(() => optimizer.applyGradients({ [w.name]: tf.onesLike(w) }));
    const expected = tf.tidy(() =>
      tf.relu(tf.matMul(x, tf.tensor(w.dataSync(), [4, 3]))).dataSync(),
    );
    expect(maxRelativeError(product() as Float32Array, expected as Float32Array)).toBeLessThan(
      1e-6,
    );
    optimizer.dispose();
    tf.dispose([w, x]);
  });

  it('frees its state buffers on dispose and leaks no tensors per step', async () => {
    await tf.setBackend('wasm');
    const v = tf.variable(tf.ones([4, 4]));
    const before = tf.memory().numTensors;
    const optimizer = createFastOptimizer({ optimizer: 'adam', learningRate: 1e-3, momentum: 0 });
    for (let i = 0; i < 3; i++)
      tf.tidy(() => optimizer.applyGradients({ [v.name]: tf.ones([4, 4]) }));
    expect(tf.memory().numTensors).toBe(before + 2);
    optimizer.dispose();
    expect(tf.memory().numTensors).toBe(before);
    v.dispose();
  });
});

describe('checkpointing the fused optimizer', () => {
  it.each(['adam', 'sgd', 'rmsprop'] as const)(
    '%s: a new optimizer given getWeights() of another takes the same next step',
    async (kind) => {
      await tf.setBackend('wasm');
      const settings: FastOptimizerSettings = {
        optimizer: kind,
        learningRate: 0.05,
        momentum: 0.9,
      };
      const start = randomValues(12, 3);
      const gradient = tf.tensor(randomValues(12, 4), [3, 4]);
      const a = tf.variable(tf.tensor(start, [3, 4]));
      const first = new FusedOptimizer(settings);
      for (let i = 0; i < 3; i++) first.applyGradients({ [a.name]: gradient });
      const saved = await first.getWeights();
      const b = tf.variable(tf.tensor(Float32Array.from(a.dataSync()), [3, 4]));
      const second = new FusedOptimizer(settings);
      await second.setWeights(saved);
      tf.dispose(saved.map((n) => n.tensor));
      first.applyGradients({ [a.name]: gradient });
      second.applyGradients({ [b.name]: gradient });
      expect(
        maxRelativeError(b.dataSync() as Float32Array, a.dataSync() as Float32Array),
      ).toBeLessThan(1e-6);
      tf.dispose([a, b, gradient]);
      first.dispose();
      second.dispose();
    },
  );
});
