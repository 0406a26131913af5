import * as tf from '@tensorflow/tfjs';
import type { GameRules } from '../../../../shared/compiler/game';
import { createFastOptimizer } from '../../tf/fused/fastOptimizer';
import { withScope } from '../scope';
import { applyIfFinite, keepForUpdate } from '../step';
import { discriminatorLoss, generatorLoss } from './losses';
import { forwardNet, type Net } from './net';

export interface DiscriminatorStep {
  loss: number;
  /** The discriminator's mean output on the real and on the generated samples of this step. */
  dReal: number;
  dFake: number;
}

/**
 * One update of the discriminator: real samples towards realLabel, the given (fixed, already
 * generated) fakes towards fakeLabel, in training mode. Returns null, leaving every weight as it
 * was, when the loss or a gradient is not finite. Reads asynchronously (WebGPU in Node as wasm).
 */
export async function discriminatorStep(
  d: Net,
  optimizer: tf.Optimizer,
  real: tf.Tensor,
  fake: tf.Tensor,
  rules: GameRules,
): Promise<DiscriminatorStep | null> {
  const pending = withScope(() => {
    let means: tf.Scalar[] = [];
    const { value, grads } = tf.variableGrads(() => {
      const onReal = forwardNet(d, real, true);
      const onFake = forwardNet(d, fake, true);
      means = [tf.keep(tf.mean(onReal) as tf.Scalar), tf.keep(tf.mean(onFake) as tf.Scalar)];
      return discriminatorLoss(onReal, onFake, rules);
    }, d.variables);
    return keepForUpdate([value, ...means], grads);
  });
  const done = await applyIfFinite(pending, optimizer);
  if (!done) return null;
  const [loss, dReal, dFake] = done.values;
  return { loss, dReal, dFake };
}

/**
 * One update of the generator (or an adversarial autoencoder's encoder) against the discriminator
 * as it stands: `produce` makes the samples inside the gradient, only `variables` move, and the
 * loss is scaled by `weight`. Returns the unscaled adversarial loss, or null when not finite.
 */
export async function generatorStep(
  variables: tf.Variable[],
  produce: () => tf.Tensor,
  d: Net,
  optimizer: tf.Optimizer,
  rules: GameRules,
  weight = 1,
): Promise<{ loss: number; dFake: number } | null> {
  const pending = withScope(() => {
    let parts: tf.Scalar[] = [];
    const { value, grads } = tf.variableGrads(() => {
      const onFake = forwardNet(d, produce(), true);
      const loss = generatorLoss(onFake, rules);
      parts = [tf.keep(loss), tf.keep(tf.mean(onFake) as tf.Scalar)];
      return (weight === 1 ? loss : tf.mul(loss, weight)) as tf.Scalar;
    }, variables);
    return keepForUpdate([value, ...parts], grads);
  });
  const done = await applyIfFinite(pending, optimizer);
  return done ? { loss: done.values[1], dFake: done.values[2] } : null;
}

/**
 * The player's Adam with the game's own learning rate and beta1 (0.5 in DCGAN), and its own state:
 * the fused one where the backend allows (one loop per variable), as an ordinary run's.
 */
export const playerOptimizer = (learningRate: number, beta1: number): tf.Optimizer =>
  createFastOptimizer({ optimizer: 'adam', learningRate, momentum: 0, beta1 });
