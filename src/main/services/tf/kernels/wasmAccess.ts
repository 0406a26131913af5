import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/** A tensor as kernels see it: no data, only a handle into the backend. */
export type Info = tf.TensorInfo;

/** The stock kernel function of a backend, kept before it is replaced so a fast kernel can call it. */
export type StockKernel = (args: {
  inputs: Record<string, Info>;
  backend: BackendWasm;
  attrs?: Record<string, unknown>;
}) => Info;

/** The stock wasm kernel named `name`, or null when the wasm backend has none. */
export const stockKernel = (name: string): StockKernel | null => {
  const config = tf.getKernel(name, 'wasm');
  return config ? (config.kernelFunc as unknown as StockKernel) : null;
};

/** Calls a stock kernel that must exist (Transpose, Reshape, Conv2D ship with every wasm build). */
export const callStock = (
  name: string,
  backend: BackendWasm,
  inputs: Record<string, Info>,
  attrs: Record<string, unknown> = {},
): Info => {
  const kernel = stockKernel(name);
  if (!kernel) throw new Error(`The wasm backend has no ${name} kernel.`);
  return kernel({ inputs, backend, attrs });
};

/**
 * A Float32Array view on a tensor's bytes in the wasm heap. Take views only after every
 * allocation of the kernel: a malloc may grow the heap and detach older views.
 */
export const heapView = (backend: BackendWasm, info: Info): Float32Array =>
  backend.typedArrayFromHeap(
    info as Parameters<BackendWasm['typedArrayFromHeap']>[0],
  ) as Float32Array;

/** Frees intermediates a kernel made; the engine only tracks what a kernel returns. */
export const release = (backend: BackendWasm, ...infos: Info[]): void => {
  for (const info of infos) backend.disposeData(info.dataId);
};
