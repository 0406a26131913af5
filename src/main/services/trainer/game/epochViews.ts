import * as tf from '@tensorflow/tfjs';
import type { PreparedData } from '../../data/dataset';
import { readScoped } from '../scope';
import { meanPairwiseDistance } from './diversity';
import { generate } from './generatorModel';
import { generatorLoss } from './losses';
import { forwardNet } from './net';
import type { GameSession } from './session';

/** How many fixed-noise samples the generated view shows and the diversity is measured on. */
export const GENERATED_COUNT = 100;

/** What the fixed noise makes after an epoch, and what the discriminator says of it. */
export interface GeneratedView {
  samples: Float32Array<ArrayBuffer>;
  /** Their mean pairwise distance. */
  distance: number;
  /** The generator's loss on them against the discriminator as it stands (inference mode). */
  loss: number;
}

/**
 * Decodes the run's fixed noise: the GAN's generator on z, the AAE's decoder on prior samples
 * (null when the autoencoder has no separable decoder). Reads asynchronously (WebGPU in Node).
 */
export async function generatedView(
  session: GameSession,
  z: Float32Array,
): Promise<GeneratedView | null> {
  const { models } = session;
  const { prior, rules } = models.game;
  const count = z.length / prior.size;
  let samples: Float32Array<ArrayBuffer>;
  if (models.kind === 'gan') samples = await generate(models.generator, z, count, prior.size);
  else {
    const decoder = models.built.decoder;
    if (!decoder) return null;
    const [decoded] = await readScoped(() => [
      decoder.predict(tf.tensor2d(z, [count, prior.size]), { batchSize: count }) as tf.Tensor,
    ]);
    samples = Float32Array.from(decoded);
  }
  const size = samples.length / count;
  // For an AAE the discriminator judges codes, so "its loss on the samples" is on the prior's z.
  const [loss] = await readScoped(() => {
    const judged =
      models.kind === 'gan'
        ? tf.tensor(samples, [count, size])
        : tf.tensor2d(z, [count, prior.size]);
    return [generatorLoss(forwardNet(models.discriminator, judged, false), rules)];
  });
  return { samples, distance: meanPairwiseDistance(samples, count, size), loss: loss[0] };
}

/** The mean pairwise distance of the first real validation samples: the spread to compare with. */
export function realDistance(data: PreparedData): number | null {
  const count = Math.min(GENERATED_COUNT, data.validation.count);
  if (count < 2) return null;
  return meanPairwiseDistance(data.validation.images, count, data.sampleSize);
}
