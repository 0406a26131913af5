import * as tf from '@tensorflow/tfjs';
import type { GameRules } from '../../../../shared/compiler/game';
import { createFastOptimizer } from '../../tf/fused/fastOptimizer';
import { withScope } from '../scope';
import { peakOfGradients } from '../step';
import { discriminatorLoss, generatorLoss } from './losses';
import { forwardNet, type Net } from './net';

export interface DiscriminatorStep {
  loss: number;
  /** The discriminator's mean output on the real and on the generated samples of this step. */
  dReal: number;
  dFake: number;
}

/** Reads a scalar loss and a few means at once; null when the loss or a gradient is not finite. */
function finishStep(
  optimizer: tf.Optimizer,
  value: tf.Scalar,
  grads: tf.NamedTensorMap,
  extra: tf.Scalar[],
): number[] | null {
  const read = Array.from(tf.stack([value, ...extra]).dataSync());
  // Kept out of variableGrads' scope to be read here; a kept tensor outlives every scope.
  tf.dispose(extra);
  if (!Number.isFinite(read[0]) || Number.isNaN(peakOfGradients(grads))) return null;
  optimizer.applyGradients(grads);
  return read;
}

/**
 * One update of the discriminator: real samples towards realLabel, the given (fixed, already
 * generated) fakes towards fakeLabel, in training mode. Returns null, leaving every weight as it
 * was, when the loss or a gradient is not finite.
 */
export function discriminatorStep(
  d: Net,
  optimizer: tf.Optimizer,
  real: tf.Tensor,
  fake: tf.Tensor,
  rules: GameRules,
): DiscriminatorStep | null {
  return withScope(() => {
    let means: tf.Scalar[] = [];
    const { value, grads } = tf.variableGrads(() => {
      const onReal = forwardNet(d, real, true);
      const onFake = forwardNet(d, fake, true);
      means = [tf.keep(tf.mean(onReal) as tf.Scalar), tf.keep(tf.mean(onFake) as tf.Scalar)];
      return discriminatorLoss(onReal, onFake, rules);
    }, d.variables);
    const read = finishStep(optimizer, value, grads, means);
    return read ? { loss: read[0], dReal: read[1], dFake: read[2] } : null;
  });
}

/**
 * One update of the generator (or an adversarial autoencoder's encoder) against the discriminator
 * as it stands: `produce` makes the samples inside the gradient, only `variables` move, and the
 * loss is scaled by `weight`. Returns the unscaled adversarial loss, or null when not finite.
 */
export function generatorStep(
  variables: tf.Variable[],
  produce: () => tf.Tensor,
  d: Net,
  optimizer: tf.Optimizer,
  rules: GameRules,
  weight = 1,
): { loss: number; dFake: number } | null {
  return withScope(() => {
    let parts: tf.Scalar[] = [];
    const { value, grads } = tf.variableGrads(() => {
      const onFake = forwardNet(d, produce(), true);
      const loss = generatorLoss(onFake, rules);
      parts = [tf.keep(loss), tf.keep(tf.mean(onFake) as tf.Scalar)];
      return (weight === 1 ? loss : tf.mul(loss, weight)) as tf.Scalar;
    }, variables);
    const read = finishStep(optimizer, value, grads, parts);
    return read ? { loss: read[1], dFake: read[2] } : null;
  });
}

/**
 * The player's Adam with the game's own learning rate and beta1 (0.5 in DCGAN), and its own state:
 * the fused one where the backend allows (one loop per variable), as an ordinary run's.
 */
export const playerOptimizer = (learningRate: number, beta1: number): tf.Optimizer =>
  createFastOptimizer({ optimizer: 'adam', learningRate, momentum: 0, beta1 });
