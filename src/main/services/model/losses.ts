import * as tf from '@tensorflow/tfjs';

/** Keras' epsilon: keeps the logarithms of the cross-entropies finite. */
const EPSILON = 1e-7;

export type LossName = 'mse' | 'binaryCrossentropy' | 'categoricalCrossentropy';

/** The loss as Keras computes it: a mean over the batch (and over the values, except categorical). */
export function lossFunction(name: LossName): (output: tf.Tensor, target: tf.Tensor) => tf.Scalar {
  switch (name) {
    case 'mse':
      return (output, target) =>
        tf.tidy(() => tf.mean(tf.squaredDifference(output, target)) as tf.Scalar);
    case 'binaryCrossentropy':
      return (output, target) =>
        tf.tidy(() => {
          const p = tf.clipByValue(output, EPSILON, 1 - EPSILON);
          const perValue = tf.add(
            tf.mul(target, tf.log(p)),
            tf.mul(tf.sub(1, target), tf.log(tf.sub(1, p))),
          );
          return tf.neg(tf.mean(perValue)) as tf.Scalar;
        });
    case 'categoricalCrossentropy':
      return (output, target) =>
        tf.tidy(() => {
          const p = tf.clipByValue(output, EPSILON, 1 - EPSILON);
          return tf.neg(tf.mean(tf.sum(tf.mul(target, tf.log(p)), -1))) as tf.Scalar;
        });
  }
}
