import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from './backend';
import { randomValues, runOn } from './testing';

beforeAll(async () => {
  await initBackend('wasm');
});

/** [shape, begin, size] */
const cases: Array<[number[], number[], number[]]> = [
  [
    [10, 7],
    [3, 0],
    [4, 7],
  ],
  [
    [10, 7],
    [2, 1],
    [5, 3],
  ],
  [
    [10, 7],
    [0, 6],
    [10, 1],
  ],
  [[9], [2], [5]],
  [
    [4, 5, 6],
    [1, 0, 0],
    [2, 5, 6],
  ],
  [
    [4, 5, 6],
    [1, 2, 3],
    [3, 2, -1],
  ],
  [
    [3, 4, 5, 6],
    [0, 1, 1, 2],
    [3, 2, 3, 4],
  ],
  [
    [2, 3, 2, 3, 4],
    [1, 0, 1, 1, 0],
    [1, 3, 1, 2, 4],
  ],
  [
    [5, 4],
    [2, 2],
    [0, 2],
  ],
];

describe('Slice on wasm with the fast kernel', () => {
  it.each(cases)(
    'slices %j from %j, size %j, as the cpu backend does',
    async (shape, begin, size) => {
      const values = randomValues(
        Math.max(
          1,
          shape.reduce((a, b) => a * b, 1),
        ),
        shape.length + 3,
      );
      const compute = () => {
        const x = tf.tensor(values, shape);
        return [
          x.slice(begin, size),
          x.toInt().slice(begin, size),
          x.greater(0).slice(begin, size),
        ];
      };
      const cpu = await runOn('cpu', compute);
      const wasm = await runOn('wasm', compute);
      expect(wasm.map((a) => Array.from(a))).toEqual(cpu.map((a) => Array.from(a)));
    },
  );

  it('slices strings with the stock kernel', async () => {
    await tf.setBackend('wasm');
    const x = tf.tensor(['a', 'b', 'c', 'd'], [2, 2]);
    const y = x.slice([1, 0], [1, 2]);
    expect(y.arraySync()).toEqual([['c', 'd']]);
    tf.dispose([x, y]);
  });
});

describe('Identity on wasm with the fast kernel', () => {
  it('clones without copying, and the clone outlives the original', async () => {
    await tf.setBackend('wasm');
    const x = tf.tensor([1, 2, 3]);
    const backend = tf.backend() as unknown as { numDataIds(): number };
    const buffers = backend.numDataIds();
    const y = x.clone();
    expect(backend.numDataIds()).toBe(buffers);
    x.dispose();
    expect(Array.from(y.dataSync())).toEqual([1, 2, 3]);
    y.dispose();
  });
});
