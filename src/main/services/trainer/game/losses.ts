import * as tf from '@tensorflow/tfjs';
import type { GameRules } from '../../../../shared/compiler/game';

/** Keras' epsilon: the probabilities are clipped to [1e-7, 1 - 1e-7] before their logarithms. */
const EPSILON = 1e-7;

/** Binary cross-entropy of probabilities against one label for all, a mean over the batch. */
export function bce(p: tf.Tensor, label: number): tf.Scalar {
  return tf.tidy(() => {
    const q = tf.clipByValue(p, EPSILON, 1 - EPSILON);
    const yes = tf.mul(label, tf.log(q));
    const no = tf.mul(1 - label, tf.log(tf.sub(1, q)));
    return tf.neg(tf.mean(tf.add(yes, no))) as tf.Scalar;
  });
}

/** The discriminator's loss: real samples labelled realLabel plus generated ones labelled fakeLabel. */
export const discriminatorLoss = (
  onReal: tf.Tensor,
  onFake: tf.Tensor,
  rules: GameRules,
): tf.Scalar => tf.add(bce(onReal, rules.realLabel), bce(onFake, rules.fakeLabel)) as tf.Scalar;

/**
 * The generator's loss on the discriminator's verdict of its samples. Non-saturating: it wants
 * them called real (BCE against 1, -log D(G(z)), whose gradient is strong while D rejects them);
 * minimax: the game's own value, log(1 - D(G(z))) = -BCE against 0.
 */
export const generatorLoss = (onFake: tf.Tensor, rules: GameRules): tf.Scalar =>
  rules.generatorLoss === 'minimax' ? (tf.neg(bce(onFake, 0)) as tf.Scalar) : bce(onFake, 1);
