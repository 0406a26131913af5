import type * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { heapView, type Info } from './wasmAccess';

/** The source index the forward nearest-neighbour resize reads for output index `o`. */
const source = (o: number, inSize: number, outSize: number, alignCorners: boolean): number => {
  const ratio = alignCorners && outSize > 1 ? (inSize - 1) / (outSize - 1) : inSize / outSize;
  const s = alignCorners ? Math.round(o * ratio) : Math.floor(o * ratio);
  return Math.min(inSize - 1, s);
};

/**
 * ResizeNearestNeighborGrad (the backward pass of UpSampling2D) in JavaScript on the wasm heap:
 * each output pixel sends dy back to the pixel it read. The stock wasm kernel is right but slow
 * (measured: 22 ms a batch of the conv benchmark, against about 3 ms here).
 */
export const resizeNearestGrad: tf.KernelFunc = (args) => {
  const backend = args.backend as BackendWasm;
  const { images, dy } = args.inputs as { images: Info; dy: Info };
  const alignCorners = Boolean((args.attrs as { alignCorners?: boolean }).alignCorners);
  const [n, h, w, c] = images.shape;
  const [, oh, ow] = dy.shape;
  const out = backend.makeOutput(images.shape, 'float32');
  const g = heapView(backend, dy);
  const dx = heapView(backend, out);
  if (!alignCorners && oh === 2 * h && ow === 2 * w) {
    doubled(g, dx, n, h, w, c);
    return out;
  }
  dx.fill(0);
  const cols = Int32Array.from({ length: ow }, (_, q) => source(q, w, ow, alignCorners));
  for (let b = 0; b < n; b++)
    for (let r = 0; r < oh; r++) {
      const row = (b * h + source(r, h, oh, alignCorners)) * w;
      for (let q = 0; q < ow; q++) {
        const to = (row + cols[q]) * c;
        const from = ((b * oh + r) * ow + q) * c;
        for (let k = 0; k < c; k++) dx[to + k] += g[from + k];
      }
    }
  return out;
};

/**
 * The usual UpSampling2D by 2: each input pixel sums its 2x2 block of dy, written once, rather
 * than four read-modify-writes (measured about 7 ms a batch of the conv benchmark before).
 */
const doubled = (
  g: Float32Array,
  dx: Float32Array,
  n: number,
  h: number,
  w: number,
  c: number,
): void => {
  const rowStep = 2 * w * c;
  for (let b = 0, to = 0; b < n; b++)
    for (let r = 0; r < h; r++)
      for (let q = 0; q < w; q++) {
        const top = ((b * 2 * h + 2 * r) * 2 * w + 2 * q) * c;
        for (let k = 0; k < c; k++, to++) {
          const a = top + k;
          dx[to] = g[a] + g[a + c] + g[a + rowStep] + g[a + rowStep + c];
        }
      }
};
