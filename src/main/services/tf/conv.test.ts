import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from './backend';
import { cpuVsWasm, maxRelativeError, randomValues, runOn } from './testing';

beforeAll(async () => {
  await initBackend('wasm');
});

type Shape4 = [number, number, number, number];
/** [input NHWC, filter HWIO, stride, padding] */
const cases: Array<[Shape4, Shape4, number, 'same' | 'valid']> = [
  [[2, 6, 6, 1], [3, 3, 1, 4], 1, 'same'],
  [[2, 6, 6, 3], [3, 3, 3, 2], 1, 'valid'],
  [[1, 7, 7, 2], [3, 3, 2, 3], 2, 'same'],
  [[1, 7, 7, 2], [3, 3, 2, 3], 2, 'valid'],
  [[2, 8, 5, 3], [2, 2, 3, 4], 2, 'same'],
  [[1, 5, 5, 2], [2, 2, 2, 1], 2, 'valid'],
  [[3, 9, 9, 4], [5, 5, 4, 2], 3, 'same'],
  [[2, 6, 7, 2], [1, 1, 2, 5], 1, 'valid'],
  [[2, 6, 6, 4], [3, 3, 4, 1], 1, 'same'],
  [[1, 5, 6, 5], [2, 3, 5, 2], 1, 'same'],
  [[1, 8, 8, 1], [4, 4, 1, 2], 2, 'same'],
];

const tensors = (xShape: Shape4, fShape: Shape4) => {
  const size = (s: number[]) => s.reduce((a, b) => a * b);
  return {
    x: randomValues(size(xShape), size(xShape) + 11),
    f: randomValues(size(fShape), size(fShape) + 5),
  };
};

describe('convolution kernels on wasm', () => {
  it.each(cases)(
    'Conv2DBackpropFilter of x %j, filter %j, stride %i, %s equals cpu',
    async (xs, fs, s, pad) => {
      const { x } = tensors(xs, fs);
      const ys = tf.tidy(
        () => tf.conv2d(tf.zeros(xs) as tf.Tensor4D, tf.zeros(fs) as tf.Tensor4D, s, pad).shape,
      );
      const dy = randomValues(
        ys.reduce((a, b) => a * b),
        99,
      );
      const error = await cpuVsWasm(() =>
        tf.engine().runKernel(
          'Conv2DBackpropFilter',
          { x: tf.tensor4d(x, xs), dy: tf.tensor4d(dy, ys as Shape4) },
          {
            strides: s,
            pad,
            dataFormat: 'NHWC',
            filterShape: fs,
          },
        ),
      );
      expect(error).toBeLessThan(1e-4);
    },
  );

  it.each(cases)(
    'Conv2DBackpropInput of x %j, filter %j, stride %i, %s equals cpu',
    async (xs, fs, s, pad) => {
      const { f } = tensors(xs, fs);
      const ys = tf.tidy(
        () => tf.conv2d(tf.zeros(xs) as tf.Tensor4D, tf.zeros(fs) as tf.Tensor4D, s, pad).shape,
      );
      const dy = randomValues(
        ys.reduce((a, b) => a * b),
        42,
      );
      const error = await cpuVsWasm(
        () =>
          tf.engine().runKernel(
            'Conv2DBackpropInput',
            { dy: tf.tensor4d(dy, ys as Shape4), filter: tf.tensor4d(f, fs) },
            {
              strides: s,
              pad,
              dataFormat: 'NHWC',
              inputShape: xs,
            },
          ) as tf.Tensor,
      );
      expect(error).toBeLessThan(1e-4);
    },
  );

  it.each(cases)(
    'gradients of conv2d(x %j, filter %j, stride %i, %s) wrt input and filter equal cpu',
    async (xs, fs, s, pad) => {
      const { x, f } = tensors(xs, fs);
      const error = await cpuVsWasm(() => {
        const grads = tf.grads((xt: tf.Tensor, ft: tf.Tensor) =>
          tf
            .conv2d(xt as tf.Tensor4D, ft as tf.Tensor4D, s, pad)
            .relu()
            .square()
            .sum(),
        );
        return grads([tf.tensor4d(x, xs), tf.tensor4d(f, fs)]);
      });
      expect(error).toBeLessThan(1e-4);
    },
  );

  it('runs conv2dTranspose forward and its gradients as the cpu backend does', async () => {
    const x = randomValues(2 * 4 * 4 * 3, 8);
    const f = randomValues(3 * 3 * 5 * 3, 9);
    const error = await cpuVsWasm(() => {
      const grads = tf.grads((xt: tf.Tensor, ft: tf.Tensor) =>
        tf
          .conv2dTranspose(xt as tf.Tensor4D, ft as tf.Tensor4D, [2, 8, 8, 5], 2, 'same')
          .square()
          .sum(),
      );
      const forward = tf.conv2dTranspose(
        tf.tensor4d(x, [2, 4, 4, 3]),
        tf.tensor4d(f, [3, 3, 5, 3]),
        [2, 8, 8, 5],
        2,
        'same',
      );
      return [forward, ...grads([tf.tensor4d(x, [2, 4, 4, 3]), tf.tensor4d(f, [3, 3, 5, 3])])];
    });
    expect(error).toBeLessThan(1e-4);
  });

  it('back-propagates through max pooling as the cpu backend does, windows of negative values included', async () => {
    const x = randomValues(2 * 9 * 9 * 3, 12);
    for (const pad of ['same', 'valid'] as const) {
      const error = await cpuVsWasm(() =>
        tf.grad((xt: tf.Tensor) =>
          tf
            .maxPool(xt as tf.Tensor4D, 2, 2, pad)
            .square()
            .sum(),
        )(tf.tensor4d(x, [2, 9, 9, 3])),
      );
      expect(error).toBeLessThan(1e-5);
    }
  });

  it.each([
    [[2, 7, 7, 4], [3, 3, 4, 1], 1, 'same'],
    [[2, 7, 6, 16], [3, 3, 16, 2], 1, 'valid'],
    [[1, 9, 9, 5], [3, 3, 5, 1], 2, 'same'],
    [[1, 8, 8, 6], [2, 2, 6, 2], 2, 'valid'],
    [[2, 5, 5, 8], [1, 1, 8, 1], 1, 'same'],
  ] as Array<[Shape4, Shape4, number, 'same' | 'valid']>)(
    'Conv2D with few outputs of x %j, filter %j, stride %i, %s equals cpu',
    async (xs, fs, s, pad) => {
      const { x, f } = tensors(xs, fs);
      const error = await cpuVsWasm(() =>
        tf.conv2d(tf.tensor4d(x, xs), tf.tensor4d(f, fs), s, pad),
      );
      expect(error).toBeLessThan(1e-4);
    },
  );

  it('back-propagates through overlapping 3x3 max pooling windows with stride 2 as the cpu backend does', async () => {
    const x = randomValues(2 * 9 * 8 * 4, 21);
    const error = await cpuVsWasm(() =>
      tf.grad((xt: tf.Tensor) =>
        tf
          .maxPool(xt as tf.Tensor4D, 3, 2, 'same')
          .square()
          .sum(),
      )(tf.tensor4d(x, [2, 9, 8, 4])),
    );
    expect(error).toBeLessThan(1e-5);
  });

  it.each([
    [4, 8],
    [4, 12],
    [3, 7],
  ])(
    'back-propagates through nearest-neighbour upsampling from %i to %i by summing each block of dy',
    async (size, out) => {
      // Not compared with cpu: the cpu ResizeNearestNeighborGrad of tfjs 4.22 is wrong for batches above one.
      const dy = randomValues(2 * out * out * 3, 14);
      const expected = new Float32Array(2 * size * size * 3);
      const from = (o: number) => Math.min(size - 1, Math.floor((o * size) / out));
      for (let b = 0; b < 2; b++)
        for (let r = 0; r < out; r++)
          for (let q = 0; q < out; q++)
            for (let k = 0; k < 3; k++)
              expected[((b * size + from(r)) * size + from(q)) * 3 + k] +=
                dy[((b * out + r) * out + q) * 3 + k];
      const [grad] = await runOn('wasm', () =>
        tf.grad((xt: tf.Tensor) =>
          tf.image
            .resizeNearestNeighbor(xt as tf.Tensor4D, [out, out])
            .mul(tf.tensor4d(dy, [2, out, out, 3]))
            .sum(),
        )(tf.zeros([2, size, size, 3])),
      );
      expect(maxRelativeError(grad, expected)).toBeLessThan(1e-5);
    },
  );
});
