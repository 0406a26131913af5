import * as tf from '@tensorflow/tfjs';
import { trainStepAsync } from '../step';
import { forwardNet, runLayers } from './net';
import { priorNoise } from './noise';
import type { GameSession } from './session';
import { discriminatorStep, generatorStep } from './steps';

/** What one batch of a game measured. */
export interface GameBatch {
  /** The run's loss of the batch: the generator's (GAN) or the reconstruction's (AAE). */
  loss: number;
  discriminator: number;
  generator: number;
  dReal: number;
  dFake: number;
  /** The autoencoder's own extra terms (KL, sparsity ...), AAE only. */
  terms: Record<string, number>;
}

/** The player whose loss stopped being a number, with its learning rate, for the message. */
export interface GameFailure {
  player: 'discriminator' | 'generator' | 'encoder' | 'autoencoder';
  learningRate: number;
}

/**
 * One batch of a game: `discriminatorSteps` updates of the discriminator (the batch's real
 * samples, or prior samples for an AAE, against freshly generated ones), then one update of the
 * generator; an AAE first takes a reconstruction step. Stops at the first non-finite loss, with
 * every weight as it was before that step. Reads asynchronously (WebGPU in Node as wasm).
 */
export async function gameBatch(
  session: GameSession,
  x: tf.Tensor,
  random: () => number,
): Promise<GameBatch | GameFailure> {
  const { models, aae } = session;
  const { rules, prior } = models.game;
  const n = x.shape[0];
  const noise = () => tf.tensor2d(priorNoise(prior, n, random), [n, prior.size]);
  const d = models.discriminator;
  const generator = models.kind === 'gan' ? models.generator : null;
  let terms: Record<string, number> = {};
  let loss = 0;
  if (aae) {
    const step = await trainStepAsync(
      aae.built,
      session.state.main.optimizer,
      aae.variables,
      () => x,
      (v) => v,
    );
    if (!step) return { player: 'autoencoder', learningRate: 0 };
    ({ loss, terms } = step);
  }
  // Fakes for the discriminator: the generator's samples (GAN) or the encoder's codes (AAE) in
  // training mode, held fixed while the discriminator learns; reals: the data or the prior.
  const fake = () =>
    generator
      ? forwardNet(generator, noise(), true)
      : runLayers(aae!.built.spec, aae!.layers, x, true, aae!.codeLayer);
  let dSum = 0;
  let dReal = 0;
  let dFake = 0;
  for (let k = 0; k < rules.discriminatorSteps; k++) {
    // Real first, then fakes: the order the seeded noise is drawn in.
    const real = aae ? noise() : x;
    const fakes = tf.tidy(fake);
    let step;
    try {
      step = await discriminatorStep(d, session.discriminatorOptimizer, real, fakes, rules);
    } finally {
      tf.dispose(real === x ? [fakes] : [real, fakes]);
    }
    if (!step) return { player: 'discriminator', learningRate: rules.discriminatorLearningRate };
    dSum += step.loss;
    dReal += step.dReal;
    dFake += step.dFake;
  }
  const g = await generatorStep(
    generator ? generator.variables : aae!.encoderVariables,
    fake,
    d,
    session.generatorOptimizer,
    rules,
    generator ? 1 : rules.adversarialWeight,
  );
  if (!g)
    return { player: aae ? 'encoder' : 'generator', learningRate: rules.generatorLearningRate };
  const k = rules.discriminatorSteps;
  return {
    loss: aae ? loss : g.loss,
    discriminator: dSum / k,
    generator: g.loss,
    dReal: dReal / k,
    dFake: dFake / k,
    terms,
  };
}

export const isFailure = (b: GameBatch | GameFailure): b is GameFailure => 'player' in b;
