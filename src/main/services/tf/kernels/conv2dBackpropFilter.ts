import type * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { convGeometry, type ConvGeometry } from './convGeometry';
import { writeTaps } from './im2col';
import { callStock, heapView, release, type Info } from './wasmAccess';

/**
 * Conv2DBackpropFilter, which tfjs-backend-wasm 4.22 lacks, as one matrix product on XNNPACK.
 * dW[kh,kw,ci,co] = sum over p = (n,y,x) of x[n, y*s+kh-pt, x*s+kw-pl, ci] * dy[p, co].
 * Whichever of x and dy has fewer channels is written out nine times (once per filter tap, the
 * "im2col" matrix) as the first operand; the other is the second operand as it lies in memory.
 * The product then runs at XNNPACK speed. The older form, a forward convolution with x and dy in
 * each other's roles, ran at about 2 GFLOP/s and needed slow 4-D transposes: 60 ms a batch of the
 * conv benchmark against about 35 ms now.
 */
export const fastConv2DBackpropFilter: tf.KernelFunc = (args) => {
  const backend = args.backend as BackendWasm;
  const { x, dy } = args.inputs as { x: Info; dy: Info };
  const attrs = args.attrs as unknown as {
    strides: number | [number, number];
    pad: unknown;
    dataFormat: 'NHWC' | 'NCHW';
    dimRoundingMode?: 'floor' | 'round' | 'ceil';
    filterShape: [number, number, number, number];
  };
  if (attrs.dataFormat === 'NCHW')
    throw new Error('Conv2DBackpropFilter on wasm supports NHWC only.');
  const g = convGeometry(
    x.shape as [number, number, number, number],
    attrs.filterShape,
    attrs.strides,
    attrs.pad,
    attrs.dimRoundingMode,
  );
  const stride1 = g.strideH === 1 && g.strideW === 1;
  return stride1 && g.outC < g.inC ? tapsOfDy(backend, x, dy, g) : tapsOfX(backend, x, dy, g);
};

/**
 * A product [m, k] x [k, n] on the stock (XNNPACK) BatchMatMul: the first operand is written by
 * `fillA` into a fresh buffer, the second is a tensor already in the heap, seen as [k, n].
 */
const product = (
  backend: BackendWasm,
  m: number,
  k: number,
  n: number,
  fillA: (a: Float32Array) => void,
  b: Info,
): Info => {
  const a = backend.makeOutput([1, m, k], 'float32');
  // The view after the allocation: makeOutput may grow the heap.
  fillA(heapView(backend, a));
  const out = callStock(
    'BatchMatMul',
    backend,
    { a, b: { ...b, shape: [1, k, n] } },
    { transposeA: false, transposeB: false },
  );
  release(backend, a);
  return out;
};

/**
 * x's taps as rows: A[(kh,kw,ci), (n,y,x)] = x[n, y*s+kh-pt, x*s+kw-pl, ci] (zero outside), times
 * dy seen as [(n,y,x), co]. The product is dW in its own layout [kh,kw,ci,co].
 */
const tapsOfX = (backend: BackendWasm, x: Info, dy: Info, g: ConvGeometry): Info => {
  const pixels = g.batch * g.outH * g.outW;
  const rows = g.kH * g.kW * g.inC;
  const out = product(
    backend,
    rows,
    pixels,
    g.outC,
    (a) => {
      const src = {
        values: heapView(backend, x),
        batch: g.batch,
        height: g.inH,
        width: g.inW,
        channels: g.inC,
      };
      writeTaps(a, src, {
        kH: g.kH,
        kW: g.kW,
        outH: g.outH,
        outW: g.outW,
        stride: [g.strideH, g.strideW],
        dir: 1,
        offset: [-g.padTop, -g.padLeft],
      });
    },
    dy,
  );
  const reshaped = callStock(
    'Reshape',
    backend,
    { x: out },
    { shape: [g.kH, g.kW, g.inC, g.outC] },
  );
  release(backend, out);
  return reshaped;
};

/**
 * dy's taps as rows (stride 1 only): A[(kh,kw,co), (n,Y,X)] = dy[n, Y-kh+pt, X-kw+pl, co] (zero
 * outside) times x seen as [(n,Y,X), ci] gives dW as [kh, kw, co, ci]; a last small reorder makes
 * it [kh, kw, ci, co]. Cheaper than tapsOfX when dy has fewer channels: the matrix written out is
 * nine times dy, and XNNPACK packs x (its second operand) at a cost that grows with ci.
 */
const tapsOfDy = (backend: BackendWasm, x: Info, dy: Info, g: ConvGeometry): Info => {
  const pixels = g.batch * g.inH * g.inW;
  const rows = g.kH * g.kW * g.outC;
  const flipped = product(
    backend,
    rows,
    pixels,
    g.inC,
    (a) => {
      const src = {
        values: heapView(backend, dy),
        batch: g.batch,
        height: g.outH,
        width: g.outW,
        channels: g.outC,
      };
      writeTaps(a, src, {
        kH: g.kH,
        kW: g.kW,
        outH: g.inH,
        outW: g.inW,
        stride: [1, 1],
        dir: -1,
        offset: [g.padTop, g.padLeft],
      });
    },
    x,
  );
  const out = backend.makeOutput([g.kH, g.kW, g.inC, g.outC], 'float32');
  const src = heapView(backend, flipped);
  const dst = heapView(backend, out);
  const taps = g.kH * g.kW;
  for (let t = 0; t < taps; t++)
    for (let co = 0; co < g.outC; co++)
      for (let ci = 0; ci < g.inC; ci++)
        dst[(t * g.inC + ci) * g.outC + co] = src[(t * g.outC + co) * g.inC + ci];
  release(backend, flipped);
  return out;
};
