import * as tf from '@tensorflow/tfjs';
import { fusedBinaryCrossEntropy, fusedMeanSquaredError } from '../tf/fused/losses';

/** Keras' epsilon: keeps the logarithms of the cross-entropies finite. */
const EPSILON = 1e-7;

export type LossName = 'mse' | 'binaryCrossentropy' | 'categoricalCrossentropy';

/** The loss as Keras computes it: a mean over the batch (and over the values, except categorical). */
export function lossFunction(name: LossName): (output: tf.Tensor, target: tf.Tensor) => tf.Scalar {
  switch (name) {
    // One fused kernel each for the value and the gradient (the same formulas; plain tf ops
    // where the backend's memory is out of JavaScript's reach).
    case 'mse':
      return fusedMeanSquaredError;
    case 'binaryCrossentropy':
      return fusedBinaryCrossEntropy;
    case 'categoricalCrossentropy':
      return (output, target) =>
        tf.tidy(() => {
          const p = tf.clipByValue(output, EPSILON, 1 - EPSILON);
          return tf.neg(tf.mean(tf.sum(tf.mul(target, tf.log(p)), -1))) as tf.Scalar;
        });
  }
}
