import * as tf from '@tensorflow/tfjs';

/**
 * Like tf.tidy, for functions that return plain values (numbers, typed arrays) rather than
 * tensors: every tensor made inside is disposed when it returns, kept ones excepted.
 */
export function withScope<T>(fn: () => T): T {
  tf.engine().startScope();
  try {
    return fn();
  } finally {
    tf.engine().endScope();
  }
}

/**
 * Makes tensors in a scope, then reads their values asynchronously and disposes them. The WebGPU
 * backend in Node can read no other way (tfjs-backend-webgpu's synchronous read draws through an
 * OffscreenCanvas, which Node lacks); on wasm and cpu the read resolves at once.
 */
export async function readScoped(make: () => tf.Tensor[]): Promise<tf.TypedArray[]> {
  const kept = tf.tidy(make);
  try {
    return await Promise.all(kept.map((t) => t.data()));
  } finally {
    tf.dispose(kept);
  }
}
