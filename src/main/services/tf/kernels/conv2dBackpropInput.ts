import type * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { convGeometry, explicitPad, type ConvGeometry } from './convGeometry';
import { callStock, heapView, release, type Info, type StockKernel } from './wasmAccess';

/** The filter turned half a circle and with its channel axes swapped: [kH, kW, outC, inC]. */
const flippedFilter = (backend: BackendWasm, filter: Info, g: ConvGeometry): Info => {
  const out = backend.makeOutput([g.kH, g.kW, g.outC, g.inC], 'float32');
  const src = heapView(backend, filter);
  const dst = heapView(backend, out);
  for (let i = 0; i < g.kH; i++)
    for (let j = 0; j < g.kW; j++) {
      const from = ((g.kH - 1 - i) * g.kW + (g.kW - 1 - j)) * g.inC * g.outC;
      const to = (i * g.kW + j) * g.outC * g.inC;
      for (let ci = 0; ci < g.inC; ci++)
        for (let co = 0; co < g.outC; co++)
          dst[to + co * g.inC + ci] = src[from + ci * g.outC + co];
    }
  return out;
};

/** dy with stride-1 zeros between its pixels, so that a strided convolution's gradient is a plain one. */
const dilated = (backend: BackendWasm, dy: Info, g: ConvGeometry): Info => {
  const h = (g.outH - 1) * g.strideH + 1;
  const w = (g.outW - 1) * g.strideW + 1;
  const out = backend.makeOutput([g.batch, h, w, g.outC], 'float32');
  const src = heapView(backend, dy);
  const dst = heapView(backend, out);
  dst.fill(0);
  for (let n = 0; n < g.batch; n++)
    for (let y = 0; y < g.outH; y++)
      for (let x = 0; x < g.outW; x++) {
        const from = ((n * g.outH + y) * g.outW + x) * g.outC;
        const to = ((n * h + y * g.strideH) * w + x * g.strideW) * g.outC;
        dst.set(src.subarray(from, from + g.outC), to);
      }
  return out;
};

/**
 * Conv2DBackpropInput as one forward convolution (the stock wasm Conv2D runs on XNNPACK): the
 * input gradient is the (zero-dilated, for strides) output gradient convolved with the flipped
 * filter. The stock kernel is a scalar loop and several times slower.
 */
export const makeFastConv2DBackpropInput =
  (stock: StockKernel): tf.KernelFunc =>
  (args) => {
    const backend = args.backend as BackendWasm;
    const { dy, filter } = args.inputs as { dy: Info; filter: Info };
    const attrs = args.attrs as unknown as {
      strides: number | [number, number];
      pad: unknown;
      dataFormat: 'NHWC' | 'NCHW';
      dimRoundingMode?: 'floor' | 'round' | 'ceil';
      inputShape: [number, number, number, number];
    };
    if (attrs.dataFormat === 'NCHW')
      return stock({ inputs: { dy, filter }, backend, attrs: args.attrs });
    const filterShape = filter.shape as [number, number, number, number];
    const g = convGeometry(
      attrs.inputShape,
      filterShape,
      attrs.strides,
      attrs.pad,
      attrs.dimRoundingMode,
    );
    // dy must have the shape the geometry gives; when it does not (tfjs allows an inputShape that
    // disagrees with dy), only the stock kernel knows what to do (tfjs-core's conv2dTranspose test).
    if (dy.shape[1] !== g.outH || dy.shape[2] !== g.outW)
      return stock({ inputs: { dy, filter }, backend, attrs: args.attrs });
    const top = g.kH - 1 - g.padTop;
    const left = g.kW - 1 - g.padLeft;
    const bottom = g.inH - ((g.outH - 1) * g.strideH + 1) - top + g.kH - 1;
    const right = g.inW - ((g.outW - 1) * g.strideW + 1) - left + g.kW - 1;
    // Padding wider than the filter (or negative) has no plain-convolution form: keep the stock kernel.
    if (Math.min(top, left, bottom, right) < 0)
      return stock({ inputs: { dy, filter }, backend, attrs: args.attrs });
    const strided = g.strideH > 1 || g.strideW > 1;
    const x = strided ? dilated(backend, dy, g) : dy;
    const w = flippedFilter(backend, filter, g);
    const out = callStock(
      'Conv2D',
      backend,
      { x, filter: w },
      {
        strides: [1, 1],
        dilations: [1, 1],
        pad: explicitPad(top, bottom, left, right),
        dataFormat: 'NHWC',
      },
    );
    release(backend, w);
    if (strided) release(backend, x);
    return out;
  };
