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
