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
  // maxima cost about 25 ms a batch on the conv benchmark's first pooling.
  for (let n = 0; n < batchSize; n++)
    for (let r = 0; r < oh; r++) {
      const r0 = r * info.strideHeight - info.padInfo.top;
      const rows = [Math.max(r0, 0), Math.min(r0 + info.filterHeight, h)];
      for (let q = 0; q < ow; q++) {
        const q0 = q * info.strideWidth - info.padInfo.left;
        const c0 = Math.max(q0, 0);
        const c1 = Math.min(q0 + info.filterWidth, w);
        const from = ((n * oh + r) * ow + q) * c;
        for (let k = 0; k < c; k++) {
          let where = -1;
          let best = 0;
          for (let i = rows[0]; i < rows[1]; i++)
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
