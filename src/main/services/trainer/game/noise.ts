import type { PriorSpec } from '../../../../shared/compiler/game';
import { seededRandom } from '../../../../shared/util/random';

/**
 * `count` draws of a Prior: N(0, spread²) by Box-Muller or U(-spread, spread), from a seeded
 * generator, so a run (and a run continued from its checkpoint) draws the same noise again.
 */
export function priorNoise(
  prior: PriorSpec,
  count: number,
  random: () => number,
): Float32Array<ArrayBuffer> {
  const out = new Float32Array(count * prior.size);
  if (prior.distribution === 'uniform') {
    for (let i = 0; i < out.length; i++) out[i] = (2 * random() - 1) * prior.spread;
    return out;
  }
  for (let i = 0; i < out.length; i++) {
    const u = Math.max(random(), 1e-12);
    out[i] = prior.spread * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  }
  return out;
}

/** Seeds of the run's random streams, apart from each other and from the shuffles. */
const FIXED_NOISE_SEED = 0x5eed;
const EPOCH_NOISE_SEED = 0x9e3779b9;

/** The fixed noise the generated-samples view decodes after every epoch: drawn once per run. */
export const fixedNoise = (
  prior: PriorSpec,
  count: number,
  seed: number,
): Float32Array<ArrayBuffer> =>
  priorNoise(prior, count, seededRandom((seed ^ FIXED_NOISE_SEED) >>> 0));

/** The training noise of one epoch: its own stream, so a continued run draws what it would have. */
export const epochNoiseRandom = (seed: number, epoch: number): (() => number) =>
  seededRandom((seed + Math.imul(epoch, EPOCH_NOISE_SEED)) >>> 0);
