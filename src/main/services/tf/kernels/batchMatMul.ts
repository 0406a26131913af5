import type * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { callStock, release, type Info, type StockKernel } from './wasmAccess';

/** Swaps the last two axes with the stock (XNNPACK-backed) Transpose kernel. */
const transposeLastTwo = (backend: BackendWasm, x: Info): Info => {
  const rank = x.shape.length;
  const perm = [...Array(rank).keys()];
  [perm[rank - 2], perm[rank - 1]] = [perm[rank - 1], perm[rank - 2]];
  return callStock('Transpose', backend, { x }, { perm });
};

/**
 * BatchMatMul whose transposed forms run on the fast path. The stock wasm kernel reaches XNNPACK
 * only when neither operand is transposed and otherwise falls to a scalar loop (about 2 GFLOP/s);
 * every dense backward pass multiplies transposed operands, so an explicit transpose (a cheap
 * memory copy) followed by the plain product is several times faster.
 */
export const makeFastBatchMatMul =
  (stock: StockKernel): tf.KernelFunc =>
  (args) => {
    const backend = args.backend as BackendWasm;
    const { a, b } = args.inputs as { a: Info; b: Info };
    const { transposeA, transposeB } = args.attrs as { transposeA: boolean; transposeB: boolean };
    if (!transposeA && !transposeB) return stock({ inputs: { a, b }, backend, attrs: args.attrs });
    const a2 = transposeA ? transposeLastTwo(backend, a) : a;
    const b2 = transposeB ? transposeLastTwo(backend, b) : b;
    const out = stock({
      inputs: { a: a2, b: b2 },
      backend,
      attrs: { ...args.attrs, transposeA: false, transposeB: false },
    });
    if (transposeA) release(backend, a2);
    if (transposeB) release(backend, b2);
    return out;
  };
