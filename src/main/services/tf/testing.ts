import * as tf from '@tensorflow/tfjs';

/** Deterministic pseudo-random values in [-1, 1), so a failing case reproduces. */
export const randomValues = (size: number, seed: number): Float32Array => {
  const out = new Float32Array(size);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = ((s >>> 0) / 4294967296) * 2 - 1;
  }
  return out;
};

/** Runs `compute` on one backend and returns its results as plain arrays. */
export const runOn = async (
  backend: 'cpu' | 'wasm',
  compute: () => tf.Tensor | tf.Tensor[],
): Promise<Float32Array[]> => {
  await tf.setBackend(backend);
  const result = tf.tidy(compute);
  const list = Array.isArray(result) ? result : [result];
  const values = list.map((t) => t.dataSync() as Float32Array);
  tf.dispose(list);
  return values;
};

/** The largest absolute difference between two arrays, relative to the larger magnitude (at least 1). */
export const maxRelativeError = (a: Float32Array, b: Float32Array): number => {
  if (a.length !== b.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const scale = Math.max(1, Math.abs(a[i]), Math.abs(b[i]));
    worst = Math.max(worst, Math.abs(a[i] - b[i]) / scale);
  }
  return worst;
};

/** Runs the same computation on cpu and on wasm and returns the worst relative error. */
export const cpuVsWasm = async (compute: () => tf.Tensor | tf.Tensor[]): Promise<number> => {
  const cpu = await runOn('cpu', compute);
  const wasm = await runOn('wasm', compute);
  if (cpu.length !== wasm.length) return Infinity;
  return Math.max(...cpu.map((c, i) => maxRelativeError(c, wasm[i])));
};
