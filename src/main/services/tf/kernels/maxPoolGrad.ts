import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { heapView, type Info } from './wasmAccess';

/**
 * MaxPoolGrad in JavaScript on the wasm heap. The stock kernel of tfjs-backend-wasm 4.22 drops the
 * gradient of every window whose values are all negative (its running maximum starts above them),
 * so it disagrees with the cpu backend. Each window sends dy to its first maximum, as on cpu.
 */
export const maxPoolGrad: tf.KernelFunc = (args) => {
  const backend = args.backend as BackendWasm;
  const { dy, input } = args.inputs as { dy: Info; input: Info };
  const attrs = args.attrs as unknown as {
    filterSize: number | [number, number];
    strides: number | [number, number];
    pad: 'same' | 'valid' | number;
    dimRoundingMode?: 'floor' | 'round' | 'ceil';
  };
  const info = tf.backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    attrs.filterSize,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
  const { batchSize, inHeight: h, inWidth: w, inChannels: c, outHeight: oh, outWidth: ow } = info;
  const out = backend.makeOutput(input.shape, 'float32');
  const x = heapView(backend, input);
  const g = heapView(backend, dy);
  const dx = heapView(backend, out);
  dx.fill(0);
  // One channel at a time with the running maximum in locals: the former per-window arrays of
  // maxima cost about 25 ms a batch on the conv benchmark's first pooling. Whole 2x2 windows (the
  // usual pooling) take an unrolled path, about a third faster again.
  for (let n = 0; n < batchSize; n++)
    for (let r = 0; r < oh; r++) {
      const r0 = r * info.strideHeight - info.padInfo.top;
      const r1 = Math.min(r0 + info.filterHeight, h);
      const rStart = Math.max(r0, 0);
      for (let q = 0; q < ow; q++) {
        const q0 = q * info.strideWidth - info.padInfo.left;
        const c0 = Math.max(q0, 0);
        const c1 = Math.min(q0 + info.filterWidth, w);
        const from = ((n * oh + r) * ow + q) * c;
        const first = ((n * h + rStart) * w + c0) * c;
        if (r1 - rStart === 2 && c1 - c0 === 2) {
          twoByTwo(x, g, dx, first, from, c, w * c);
          continue;
        }
        for (let k = 0; k < c; k++) {
          let where = -1;
          let best = 0;
          for (let i = rStart; i < r1; i++)
            for (let j = c0, at = ((n * h + i) * w + c0) * c + k; j < c1; j++, at += c) {
              const v = x[at];
              if (where < 0 || v > best) {
                best = v;
                where = at;
              }
            }
          if (where >= 0) dx[where] += g[from + k];
        }
      }
    }
  return out;
};

/** One 2x2 window, all channels: dy goes to the first maximum in row-major window order. */
const twoByTwo = (
  x: Float32Array,
  g: Float32Array,
  dx: Float32Array,
  first: number,
  from: number,
  channels: number,
  rowStep: number,
): void => {
  for (let k = 0; k < channels; k++) {
    const a0 = first + k;
    const a1 = a0 + channels;
    const a2 = a0 + rowStep;
    const a3 = a2 + channels;
    let where = a0;
    let best = x[a0];
    let v = x[a1];
    if (v > best) {
      best = v;
      where = a1;
    }
    v = x[a2];
    if (v > best) {
      best = v;
      where = a2;
    }
    if (x[a3] > best) where = a3;
    dx[where] += g[from + k];
  }
};
