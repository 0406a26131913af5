import type * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { convGeometry } from './convGeometry';
import { callStock, heapView, release, type Info, type StockKernel } from './wasmAccess';

/** At most this many output channels take the path below; XNNPACK does well from here up. */
const MAX_OUT_CHANNELS = 2;

/**
 * Conv2D with one or two output channels (a decoder's last layer, which gives the image). XNNPACK
 * vectorizes over output channels, so with one it runs at a fraction of its speed (measured 12 ms
 * for the conv benchmark's last layer against 3 ms for the layer before, with twice the work).
 * Here every input pixel is multiplied by all taps at once, x [pixels, ci] times the filter as
 * [ci, taps * co], on XNNPACK with a tiny second operand; each output then sums its taps' entries.
 * Other convolutions (NCHW, dilated, more outputs) go to the stock kernel.
 */
export const makeFewOutputsConv2D =
  (stock: StockKernel): tf.KernelFunc =>
  (args) => {
    const backend = args.backend as BackendWasm;
    const { x, filter } = args.inputs as { x: Info; filter: Info };
    const attrs = args.attrs as unknown as {
      strides: number | [number, number];
      pad: unknown;
      dataFormat: 'NHWC' | 'NCHW';
      dilations: number | [number, number];
      dimRoundingMode?: 'floor' | 'round' | 'ceil';
    };
    const dilated = [attrs.dilations ?? 1].flat().some((d) => d !== 1);
    const [kH, kW, inC, outC] = filter.shape;
    if (attrs.dataFormat === 'NCHW' || dilated || outC > MAX_OUT_CHANNELS || inC < 4)
      return stock({ inputs: { x, filter }, backend, attrs: args.attrs });
    const g = convGeometry(
      x.shape as [number, number, number, number],
      filter.shape as [number, number, number, number],
      attrs.strides,
      attrs.pad,
      attrs.dimRoundingMode,
    );
    const taps = kH * kW;
    const width = taps * outC;
    const w = backend.makeOutput([1, inC, width], 'float32');
    const src = heapView(backend, filter);
    const dstW = heapView(backend, w);
    for (let t = 0; t < taps; t++)
      for (let c = 0; c < inC; c++)
        for (let o = 0; o < outC; o++)
          dstW[c * width + t * outC + o] = src[(t * inC + c) * outC + o];
    const pixels = g.batch * g.inH * g.inW;
    const z = callStock(
      'BatchMatMul',
      backend,
      { a: { ...x, shape: [1, pixels, inC] }, b: w },
      { transposeA: false, transposeB: false },
    );
    release(backend, w);
    const out = backend.makeOutput([g.batch, g.outH, g.outW, outC], 'float32');
    const zs = heapView(backend, z);
    const dst = heapView(backend, out);
    // Where each tap's entry lies relative to the window's top-left pixel, for whole windows.
    const offsets = new Int32Array(taps * outC);
    for (let kh = 0; kh < kH; kh++)
      for (let kw = 0; kw < kW; kw++)
        for (let o = 0; o < outC; o++)
          offsets[(kh * kW + kw) * outC + o] =
            (kh * g.inW + kw) * width + (kh * kW + kw) * outC + o;
    let to = 0;
    for (let n = 0; n < g.batch; n++)
      for (let y = 0; y < g.outH; y++) {
        const row0 = y * g.strideH - g.padTop;
        const rowsInside = row0 >= 0 && row0 + kH <= g.inH;
        for (let q = 0; q < g.outW; q++, to += outC) {
          const col0 = q * g.strideW - g.padLeft;
          if (rowsInside && col0 >= 0 && col0 + kW <= g.inW) {
            const base = ((n * g.inH + row0) * g.inW + col0) * width;
            for (let o = 0; o < outC; o++) {
              let acc = 0;
              for (let t = o; t < offsets.length; t += outC) acc += zs[base + offsets[t]];
              dst[to + o] = acc;
            }
            continue;
          }
          for (let o = 0; o < outC; o++) dst[to + o] = 0;
          for (let kh = 0; kh < kH; kh++) {
            const row = row0 + kh;
            if (row < 0 || row >= g.inH) continue;
            for (let kw = 0; kw < kW; kw++) {
              const col = col0 + kw;
              if (col < 0 || col >= g.inW) continue;
              const from = ((n * g.inH + row) * g.inW + col) * width + (kh * kW + kw) * outC;
              for (let o = 0; o < outC; o++) dst[to + o] += zs[from + o];
            }
          }
        }
      }
    release(backend, z);
    return out;
  };
