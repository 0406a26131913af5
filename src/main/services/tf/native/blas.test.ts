import { existsSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../../../shared/util/random';
import { initBackend } from '../backend';
import { writeTapsInJs, writeTaps, type Nhwc, type TapMap } from '../kernels/im2col';
import {
  blasAddon,
  blasName,
  nativeBlas,
  nativeLoops,
  picturesToBytes,
  picturesToBytesInJs,
} from './blas';

/**
 * The native addon (native/studio_blas.c) against plain JavaScript references, and the wasm
 * kernels that use it against the same references. `.ci/run` installs OpenBLAS and builds the
 * addon; elsewhere these run only where both are present, and say so in their titles.
 */

const OPENBLAS = [
  '/usr/lib/x86_64-linux-gnu/libopenblas.so.0',
  '/usr/lib/aarch64-linux-gnu/libopenblas.so.0',
];
const openblasInstalled = OPENBLAS.some((f) => existsSync(f));
const addonBuilt = nativeBlas().loaded !== null;
const whenNative = addonBuilt && openblasInstalled ? describe : describe.skip;
const reason = addonBuilt ? '' : ' (skipped: the native addon is not built)';

const random = seededRandom(11);
const randomArray = (n: number, lo = -1, hi = 1) =>
  Float32Array.from({ length: n }, () => lo + (hi - lo) * random());

/** c = op(a) op(b), row major, in double. */
const reference = (
  a: Float32Array,
  b: Float32Array,
  m: number,
  n: number,
  k: number,
  transA: boolean,
  transB: boolean,
): Float64Array => {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++)
        s += (transA ? a[p * m + i] : a[i * k + p]) * (transB ? b[j * k + p] : b[p * n + j]);
      c[i * n + j] = s;
    }
  return c;
};

const expectClose = (actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: number) => {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < actual.length; i++)
    worst = Math.max(worst, Math.abs(actual[i] - expected[i]) / Math.max(1, Math.abs(expected[i])));
  expect(worst).toBeLessThan(tolerance);
};

describe('the native addon is there where OpenBLAS is', () => {
  (openblasInstalled ? it : it.skip)(
    `loads and names OpenBLAS on a machine that has libopenblas${openblasInstalled ? '' : ' (skipped: no libopenblas here)'}`,
    () => {
      expect(nativeBlas()).toMatchObject({ ok: true });
      expect(blasName()).toBe('OpenBLAS');
    },
  );
});

/** Values a decoder may give, with the edges of the clip and of rounding. */
const pictureValues = () =>
  Float32Array.from([
    ...randomArray(1000, -0.5, 1.5),
    0,
    -0,
    1,
    0.5 / 255,
    1.5 / 255,
    254.5 / 255,
    -1e-30,
    1 + 1e-7,
    NaN,
    Infinity,
    -Infinity,
  ]);

/** round(255 clip(v, 0, 1)), NaN as 0: what a picture's byte means. */
const byteOf = (v: number) => (Number.isNaN(v) ? 0 : Math.round(Math.min(1, Math.max(0, v)) * 255));

describe('pictures as bytes', () => {
  it('are clipped to 0..1, scaled and rounded, NaN as 0, in JavaScript and wherever they are made', () => {
    const values = pictureValues();
    const js = new Uint8Array(values.length);
    picturesToBytesInJs(values, js);
    const expected = Array.from(values, byteOf);
    expect(Array.from(js)).toEqual(expected);
    expect(Array.from(picturesToBytes(values))).toEqual(expected);
    // 254.5 / 255 as a float32 lies just below the tie, so it rounds down.
    expect(Array.from(js.slice(-11))).toEqual([0, 0, 255, 1, 2, 254, 0, 255, 0, 255, 0]);
  });
});

whenNative(`native products and loops${reason}`, () => {
  beforeAll(async () => {
    expect((await initBackend('wasm')).blas).toBe('OpenBLAS');
  });

  it('multiplies with every combination of transposes like the definition', () => {
    const blas = blasAddon()!;
    const [m, n, k] = [37, 19, 53];
    for (const transA of [false, true])
      for (const transB of [false, true]) {
        const a = randomArray(m * k);
        const b = randomArray(k * n);
        const c = new Float32Array(m * n);
        blas.sgemm(transA, transB, m, n, k, a, transA ? m : k, b, transB ? k : n, 0, c, n);
        expectClose(c, reference(a, b, m, n, k, transA, transB), 1e-5);
      }
  });

  it('adds to the output with beta = 1 and reads subarrays where they start', () => {
    const blas = blasAddon()!;
    const a = randomArray(8 * 4);
    const b = randomArray(4 * 3);
    const c = new Float32Array(2 * 3).fill(1);
    // Rows 2 and 3 of a (a subarray starting 8 values in).
    blas.sgemm(false, false, 2, 3, 4, a.subarray(8), 4, b, 3, 1, c, 3);
    const expected = reference(a.slice(8, 16), b, 2, 3, 4, false, false).map((v) => v + 1);
    expectClose(c, expected, 1e-5);
  });

  it('refuses a matrix that does not fit its array and arguments of the wrong kind, touching nothing', () => {
    const blas = blasAddon()!;
    const a = new Float32Array(6);
    const b = new Float32Array(6);
    const c = new Float32Array(4).fill(7);
    expect(() => blas.sgemm(false, false, 3, 2, 3, a, 3, b, 2, 0, c, 2)).toThrow(/does not fit/);
    expect(() => blas.sgemm(false, false, 2, 2, 3, a, 2, b, 2, 0, c, 2)).toThrow(/does not fit/);
    expect(() =>
      blas.sgemm(false, false, 2, 2, 3, new Float64Array(6) as never, 3, b, 2, 0, c, 2),
    ).toThrow(/wrong type/);
    expect(() => blas.sgemm(false, false, -1, 2, 3, a, 3, b, 2, 0, c, 2)).toThrow(/does not fit/);
    expect(Array.from(c)).toEqual([7, 7, 7, 7]);
    expect(() => blas.setThreads(0)).toThrow(/thread count/);
  });

  it('computes tanh to float precision, with its limits, signed zero and NaN', () => {
    const loops = nativeLoops()!;
    const x = randomArray(100_003, -12, 12);
    x.set([0, -0, 1e-30, -1e-8, 0.1249, 0.125, 9, -20, Infinity, -Infinity, NaN]);
    const y = new Float32Array(x.length);
    loops.tanh(x, y);
    for (let i = 0; i < x.length; i++) {
      const expected = Math.tanh(x[i]);
      if (Number.isNaN(expected)) expect(y[i]).toBeNaN();
      else
        expect(Math.abs(y[i] - expected)).toBeLessThanOrEqual(
          2e-7 * Math.max(Math.abs(expected), 1e-30) + 1e-7,
        );
    }
    expect(Object.is(y[1], -0)).toBe(true);
    expect(y[2]).toBe(Math.fround(1e-30));
  });

  it('sums the clipped binary cross-entropy and its gradient like the formula', () => {
    const loops = nativeLoops()!;
    const n = 5000;
    const p = randomArray(n, 0, 1);
    p.set([0, 1, 1e-9, 1 - 1e-9]);
    // Digits' targets: mostly exact 0 and 1, some in between.
    const t = Float32Array.from({ length: n }, () => {
      const r = random();
      return r < 0.6 ? 0 : r < 0.8 ? 1 : random();
    });
    const lo = Math.fround(1e-7);
    const hi = Math.fround(1 - 1e-7);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const pc = Math.min(Math.max(p[i], lo), hi);
      sum -= t[i] * Math.log(pc) + (1 - t[i]) * Math.log(1 - pc);
    }
    expect(Math.abs(loops.bceSum(p, t) - sum) / sum).toBeLessThan(1e-9);
    const g = new Float32Array(n);
    const scale = -0.5 / n;
    loops.bceGrad(scale, p, t, g);
    for (let i = 0; i < n; i++) {
      const inside = p[i] >= lo && p[i] <= hi;
      const terms = [t[i] / p[i], (1 - t[i]) / (1 - p[i])];
      const expected = inside ? scale * (terms[0] - terms[1]) : 0;
      // float32 arithmetic: the error is relative to the two terms, which may nearly cancel.
      const tolerance = inside ? 1e-6 * Math.abs(scale) * (terms[0] + terms[1]) : 0;
      expect(Math.abs(g[i] - expected)).toBeLessThanOrEqual(tolerance);
    }
    expect(() => loops.bceSum(p, t.subarray(1))).toThrow(/same length/);
  });

  it('writes the im2col rows of forward and backward convolutions as the JavaScript loop does', () => {
    const loops = nativeLoops()!;
    const cases: Array<[Omit<Nhwc, 'values'>, TapMap]> = [
      [
        { batch: 2, height: 5, width: 6, channels: 3 },
        { kH: 3, kW: 3, outH: 5, outW: 6, stride: [1, 1], dir: 1, offset: [-1, -1] },
      ],
      [
        { batch: 1, height: 7, width: 7, channels: 1 },
        { kH: 3, kW: 2, outH: 3, outW: 3, stride: [2, 3], dir: 1, offset: [0, -1] },
      ],
      [
        { batch: 3, height: 4, width: 5, channels: 2 },
        { kH: 3, kW: 3, outH: 6, outW: 7, stride: [1, 1], dir: -1, offset: [2, 2] },
      ],
    ];
    for (const [shape, map] of cases) {
      const src: Nhwc = {
        ...shape,
        values: randomArray(shape.batch * shape.height * shape.width * shape.channels),
      };
      const size = map.kH * map.kW * shape.channels * shape.batch * map.outH * map.outW;
      const native = new Float32Array(size).fill(NaN);
      const js = new Float32Array(size).fill(NaN);
      writeTaps(native, src, map);
      writeTapsInJs(js, src, map);
      expect(Array.from(native)).toEqual(Array.from(js));
    }
    const wrong = new Int32Array([1, 4, 4, 1, 3, 3, 4, 4, 1, 1, 1, 0, 0]);
    expect(() => loops.writeTaps(new Float32Array(10), new Float32Array(16), wrong)).toThrow(
      /size its shape gives/,
    );
  });

  it('gives tf.matMul and dense layers the results of the definition, with batches, transposes, bias and activations', () => {
    const pairs: Array<[number[], number[], boolean, boolean]> = [
      [[33, 20], [20, 17], false, false],
      [[20, 33], [20, 17], true, false],
      [[33, 20], [17, 20], false, true],
      [[3, 5, 4], [3, 4, 6], false, false],
      [[1, 5, 4], [3, 6, 4], false, true],
      [[3, 4, 5], [4, 6], true, false],
    ];
    for (const [sa, sb, ta, tb] of pairs) {
      const a = tf.tensor(randomArray(sa.reduce((x, y) => x * y)), sa);
      const b = tf.tensor(randomArray(sb.reduce((x, y) => x * y)), sb);
      const got = tf.matMul(a, b, ta, tb);
      const av = a.dataSync() as Float32Array;
      const bv = b.dataSync() as Float32Array;
      const m = ta ? sa.at(-1)! : sa.at(-2)!;
      const k = ta ? sa.at(-2)! : sa.at(-1)!;
      const n = tb ? sb.at(-2)! : sb.at(-1)!;
      const batch = got.shape.slice(0, -2).reduce((x, y) => x * y, 1);
      const aBatch = sa.slice(0, -2).reduce((x, y) => x * y, 1);
      const bBatch = sb.slice(0, -2).reduce((x, y) => x * y, 1);
      const expected = new Float64Array(batch * m * n);
      for (let i = 0; i < batch; i++)
        expected.set(
          reference(
            av.subarray((aBatch === 1 ? 0 : i) * m * k, ((aBatch === 1 ? 0 : i) + 1) * m * k),
            bv.subarray((bBatch === 1 ? 0 : i) * k * n, ((bBatch === 1 ? 0 : i) + 1) * k * n),
            m,
            n,
            k,
            ta,
            tb,
          ),
          i * m * n,
        );
      expectClose(got.dataSync(), expected, 1e-5);
      tf.dispose([a, b, got]);
    }
    const x = tf.tensor2d(randomArray(9 * 6), [9, 6]);
    const w = tf.tensor2d(randomArray(6 * 4), [6, 4]);
    const bias = tf.tensor1d(randomArray(4));
    const linear = tf.add(tf.matMul(x, w), bias);
    const lv = linear.dataSync();
    const activations: Array<
      ['linear' | 'relu' | 'sigmoid' | 'elu' | 'leakyrelu', (v: number) => number]
    > = [
      ['linear', (v) => v],
      ['relu', (v) => Math.max(0, v)],
      ['sigmoid', (v) => 1 / (1 + Math.exp(-v))],
      ['elu', (v) => (v > 0 ? v : Math.exp(v) - 1)],
      ['leakyrelu', (v) => (v > 0 ? v : 0.2 * v)],
    ];
    for (const [activation, f] of activations) {
      const fused = tf.fused.matMul({ a: x, b: w, bias, activation });
      expectClose(fused.dataSync(), Array.from(lv, f), 1e-5);
      fused.dispose();
    }
    tf.dispose([x, w, bias, linear]);
  });

  it('adds a bias row to every row (and the other way round) like broadcasting does', () => {
    const x = tf.tensor3d(randomArray(2 * 3 * 5), [2, 3, 5]);
    const row = tf.tensor1d(randomArray(5));
    const xv = x.dataSync();
    const rv = row.dataSync();
    const expected = Array.from(xv, (v, i) => v + rv[i % 5]);
    for (const sum of [tf.add(x, row), tf.add(row, x), tf.add(x, row.reshape([1, 5]))]) {
      expect(sum.shape).toEqual([2, 3, 5]);
      expectClose(sum.dataSync(), expected, 1e-7);
      sum.dispose();
    }
    tf.dispose([x, row]);
  });

  it('turns pictures into bytes in the addon like the formula, and refuses arrays that overlap', () => {
    const addon = nativeLoops();
    if (!addon) throw new Error('the addon did not load');
    const values = pictureValues();
    const bytes = new Uint8Array(values.length);
    addon.toBytes(values, bytes);
    expect(Array.from(bytes)).toEqual(Array.from(values, byteOf));
    // Bytes over the floats' own memory, a short array, a wrong type: refused, nothing written.
    const floats = new Float32Array(8).fill(0.5);
    const over = new Uint8Array(floats.buffer, 0, 8);
    expect(() => addon.toBytes(floats, over)).toThrow(/cannot write over/);
    expect(Array.from(floats)).toEqual(new Array(8).fill(0.5));
    expect(() => addon.toBytes(floats, new Uint8Array(7))).toThrow(/of its length/);
    expect(() => addon.toBytes(floats, new Float32Array(8) as unknown as Uint8Array)).toThrow(
      /uint8 array/,
    );
  });
});
