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
  const best = new Float32Array(c);
  const where = new Int32Array(c);
  for (let n = 0; n < batchSize; n++)
    for (let r = 0; r < oh; r++)
      for (let q = 0; q < ow; q++) {
        best.fill(-Infinity);
        where.fill(-1);
        const r0 = r * info.strideHeight - info.padInfo.top;
        const q0 = q * info.strideWidth - info.padInfo.left;
        for (let i = Math.max(r0, 0); i < Math.min(r0 + info.filterHeight, h); i++)
          for (let j = Math.max(q0, 0); j < Math.min(q0 + info.filterWidth, w); j++) {
            const base = ((n * h + i) * w + j) * c;
            for (let k = 0; k < c; k++)
              if (x[base + k] > best[k] || where[k] < 0) {
                best[k] = x[base + k];
                where[k] = base + k;
              }
          }
        const from = ((n * oh + r) * ow + q) * c;
        for (let k = 0; k < c; k++) if (where[k] >= 0) dx[where[k]] += g[from + k];
      }
  return out;
};
