import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from './backend';
import { cpuVsWasm, randomValues } from './testing';

beforeAll(async () => {
  await initBackend('wasm');
});

/** [shape, axes, keepDims] */
const cases: Array<[number[], number | number[], boolean]> = [
  [[64, 10], 0, false],
  [[64, 10], [0], true],
  [[4, 5, 6, 3], [0, 1, 2], false],
  [[4, 5, 6, 3], [2, 0, 1], true],
  [[4, 5, 6], [0, 1], false],
  [[4, 5, 6], [1], false],
  [[4, 5, 6], [-1], false],
  [[4, 5, 6], [0, 2], true],
  [[4, 5, 6], [0, 1, 2], false],
  [[7], 0, false],
];

describe('Sum on wasm with the fast kernel', () => {
  it.each(cases)(
    'sums %j over axes %j (keepDims %s) as the cpu backend does',
    async (shape, axes, keep) => {
      const values = randomValues(
        shape.reduce((a, b) => a * b),
        shape.length,
      );
      const error = await cpuVsWasm(() => tf.tensor(values, shape).sum(axes, keep));
      expect(error).toBeLessThan(1e-5);
    },
  );

  it('sums int32 tensors with the stock kernel', async () => {
    const error = await cpuVsWasm(() =>
      tf
        .tensor(
          [
            [1, 2],
            [3, 4],
          ],
          [2, 2],
          'int32',
        )
        .sum(0),
    );
    expect(error).toBe(0);
  });

  it('gives the bias gradient of a convolution as the cpu backend does', async () => {
    const x = randomValues(2 * 5 * 5 * 3, 9);
    const error = await cpuVsWasm(() =>
      tf.grad((b: tf.Tensor) =>
        tf
          .conv2d(tf.tensor4d(x, [2, 5, 5, 3]), tf.ones([3, 3, 3, 4]) as tf.Tensor4D, 1, 'same')
          .add(b)
          .square()
          .sum(),
      )(tf.zeros([4])),
    );
    expect(error).toBeLessThan(1e-4);
  });
});
