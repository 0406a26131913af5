import * as tf from '@tensorflow/tfjs';

/** Applies an activation by its Keras name (custom layers take the same names as Dense). */
export function applyActivation(name: string, x: tf.Tensor): tf.Tensor {
  switch (name) {
    case 'relu':
      return tf.relu(x);
    case 'sigmoid':
      return tf.sigmoid(x);
    case 'tanh':
      return tf.tanh(x);
    case 'elu':
      return tf.elu(x);
    case 'selu':
      return tf.selu(x);
    case 'softplus':
      return tf.softplus(x);
    case 'softmax':
      return tf.softmax(x);
    default:
      return x;
  }
}

const SELU_SCALE = 1.0507009873554805;
const SELU_ALPHA = 1.6732632423543772;

/** dh/da written in terms of the activation's output h, for the contractive penalty. */
export function activationSlope(name: string, h: tf.Tensor): tf.Tensor {
  switch (name) {
    case 'relu':
      return tf.cast(tf.greater(h, 0), 'float32');
    case 'sigmoid':
      return tf.mul(h, tf.sub(1, h));
    case 'tanh':
      return tf.sub(1, tf.square(h));
    case 'elu':
      return tf.where(tf.greater(h, 0), tf.onesLike(h), tf.add(h, 1));
    case 'selu':
      return tf.where(
        tf.greater(h, 0),
        tf.fill(h.shape, SELU_SCALE),
        tf.add(h, SELU_SCALE * SELU_ALPHA),
      );
    case 'softplus':
      return tf.sub(1, tf.exp(tf.neg(h)));
    default:
      return tf.onesLike(h);
  }
}
