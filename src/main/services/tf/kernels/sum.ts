import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { heapView, type Info, type StockKernel } from './wasmAccess';

/**
 * Sum over leading axes (a bias gradient: dy summed over batch, rows and columns) on the wasm
 * heap. The stock kernel reduces only the innermost axes, so it first transposes the whole of dy,
 * which cost up to 20 ms a batch on the conv benchmark. This one adds rows into a double
 * accumulator in one pass. Other axes and other dtypes go to the stock kernel.
 */
export const makeFastSum =
  (stock: StockKernel): tf.KernelFunc =>
  (args) => {
    const backend = args.backend as BackendWasm;
    const { x } = args.inputs as { x: Info };
    const { axis, keepDims } = args.attrs as unknown as {
      axis: number | number[];
      keepDims: boolean;
    };
    const axes = tf.util.parseAxisParam(axis, x.shape).sort((a, b) => a - b);
    const leading = axes.every((a, i) => a === i);
    if (x.dtype !== 'float32' || !leading || axes.length === 0 || axes.length === x.shape.length)
      return stock({ inputs: { x }, backend, attrs: args.attrs });
    const inner = tf.util.sizeFromShape(x.shape.slice(axes.length));
    const outer = tf.util.sizeFromShape(x.shape.slice(0, axes.length));
    const kept = x.shape.map((d, i) => (i < axes.length ? 1 : d));
    const out = backend.makeOutput(keepDims ? kept : x.shape.slice(axes.length), 'float32');
    const src = heapView(backend, x);
    const dst = heapView(backend, out);
    const acc = new Float64Array(inner);
    // Four rows per pass: a quarter of the accumulator loads and stores.
    let row = 0;
    for (; row + 4 <= outer; row += 4) {
      const at = row * inner;
      for (let j = 0; j < inner; j++)
        acc[j] +=
          src[at + j] + src[at + inner + j] + src[at + 2 * inner + j] + src[at + 3 * inner + j];
    }
    for (; row < outer; row++)
      for (let j = 0, at = row * inner; j < inner; j++) acc[j] += src[at + j];
    dst.set(acc);
    return out;
  };
