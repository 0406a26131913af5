import type * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { Info, StockKernel } from './wasmAccess';

/**
 * Identity (tf.clone) that shares the input's memory, as the cpu backend's does and as Reshape
 * does on wasm: tensors are immutable, so a copy buys nothing. The stock wasm kernel copies, and
 * tfjs clones every tensor it keeps for the backward pass: about 4 ms a batch of the conv
 * benchmark went to copying activations. Strings go to the stock kernel.
 */
export const makeSharingIdentity =
  (stock: StockKernel): tf.KernelFunc =>
  (args) => {
    const backend = args.backend as BackendWasm;
    const { x } = args.inputs as { x: Info };
    if (x.dtype === 'string') return stock({ inputs: { x }, backend, attrs: args.attrs });
    backend.incRef(x.dataId);
    return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
  };
