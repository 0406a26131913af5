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

  it('takes a batch of rows from a large tensor in well under a millisecond', async () => {
    await tf.setBackend('wasm');
    const data = tf.zeros([10_000, 784]);
    tf.tidy(() => data.slice(0, 256));
    const start = performance.now();
    for (let i = 0; i < 10; i++) tf.tidy(() => data.slice(256 * i, 256));
    // The stock kernel took about 10 ms per call here: it copied the whole input out first.
    expect((performance.now() - start) / 10).toBeLessThan(3);
    data.dispose();
  });
});
