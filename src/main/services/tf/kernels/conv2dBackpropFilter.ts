import type * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { convGeometry, explicitPad } from './convGeometry';
import { callStock, heapView, release, type Info } from './wasmAccess';
import type { ConvGeometry } from './convGeometry';

/**
 * The stride-1 form with the roles of x and dy swapped: dy as [co, oh, ow, n] convolved with x as
 * a filter [h, w, n, ci] gives dW flipped, as [co, kh, kw, ci]. XNNPACK vectorizes over the
 * filter's output channels, so this wins when ci > co (a decoder's last layer has co = 1).
 * Returns null when the padding has no such form.
 */
const swappedRoles = (backend: BackendWasm, x: Info, dy: Info, g: ConvGeometry): Info | null => {
  const top = g.kH - 1 - g.padTop;
  const left = g.kW - 1 - g.padLeft;
  const bottom = g.inH - g.outH + g.padTop;
  const right = g.inW - g.outW + g.padLeft;
  if (Math.min(top, left, bottom, right) < 0) return null;
  const dyt = callStock('Transpose', backend, { x: dy }, { perm: [3, 1, 2, 0] });
  const xt = callStock('Transpose', backend, { x }, { perm: [1, 2, 0, 3] });
  const flipped = callStock(
    'Conv2D',
    backend,
    { x: dyt, filter: xt },
    {
      strides: [1, 1],
      dilations: [1, 1],
      pad: explicitPad(top, bottom, left, right),
      dataFormat: 'NHWC',
    },
  );
  release(backend, dyt, xt);
  const out = backend.makeOutput([g.kH, g.kW, g.inC, g.outC], 'float32');
  const src = heapView(backend, flipped);
  const dst = heapView(backend, out);
  for (let i = 0; i < g.kH; i++)
    for (let j = 0; j < g.kW; j++)
      for (let ci = 0; ci < g.inC; ci++)
        for (let co = 0; co < g.outC; co++)
          dst[((i * g.kW + j) * g.inC + ci) * g.outC + co] =
            src[((co * g.kH + g.kH - 1 - i) * g.kW + g.kW - 1 - j) * g.inC + ci];
  release(backend, flipped);
  return out;
};

/**
 * Conv2DBackpropFilter, which tfjs-backend-wasm 4.22 lacks, as one forward convolution on XNNPACK.
 * dW[kh,kw,ci,co] = sum over n,oh,ow of x[n, oh*s+kh-p, ow*s+kw-p, ci] * dy[n,oh,ow,co]: that is a
 * convolution of x seen as [ci, h, w, n] (channels become the batch, the batch the channels) with
 * dy seen as a filter [oh, ow, n, co], dilated by the stride. Its result [ci, kh, kw, co] is
 * transposed back. Two transposes and one XNNPACK call beat an im2col in JavaScript by far.
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
  if (g.strideH === 1 && g.strideW === 1 && g.inC > g.outC) {
    const swapped = swappedRoles(backend, x, dy, g);
    if (swapped) return swapped;
  }
  // Rows and columns past the last window are never read; a negative pad says how many to drop.
  const bottom = g.kH + (g.outH - 1) * g.strideH - g.inH - g.padTop;
  const right = g.kW + (g.outW - 1) * g.strideW - g.inW - g.padLeft;
  let xt = callStock('Transpose', backend, { x }, { perm: [3, 1, 2, 0] });
  if (bottom < 0 || right < 0) {
    const cropped = callStock(
      'Slice',
      backend,
      { x: xt },
      {
        begin: [0, 0, 0, 0],
        size: [g.inC, g.inH + Math.min(bottom, 0), g.inW + Math.min(right, 0), g.batch],
      },
    );
    release(backend, xt);
    xt = cropped;
  }
  const dyt = callStock('Transpose', backend, { x: dy }, { perm: [1, 2, 0, 3] });
  const product = callStock(
    'Conv2D',
    backend,
    { x: xt, filter: dyt },
    {
      strides: [1, 1],
      dilations: [g.strideH, g.strideW],
      pad: explicitPad(g.padTop, Math.max(bottom, 0), g.padLeft, Math.max(right, 0)),
      dataFormat: 'NHWC',
    },
  );
  release(backend, xt, dyt);
  const out = callStock('Transpose', backend, { x: product }, { perm: [1, 2, 0, 3] });
  release(backend, product);
  return out;
};
