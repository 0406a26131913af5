import { ENCODE_BATCH_BYTES } from '../../../shared/contract/limits';
import type { Samples } from '../stores/runState';

/** The most samples a unit or advisor query looks at: enough for a top-8 that means something. */
export const MAX_QUERY_SAMPLES = 1000;

/**
 * The first samples of the run's view set, as many as one request may carry (browser mode's frame
 * limit, src/shared/contract/limits.ts) and at most `most`.
 */
export function samplesToSend(
  samples: Samples,
  most = MAX_QUERY_SAMPLES,
): { images: Float32Array<ArrayBuffer>; count: number } {
  const size = samples.images.length / Math.max(1, samples.count);
  const fits = Math.max(1, Math.floor(ENCODE_BATCH_BYTES / Math.max(1, size * 4)));
  const count = Math.max(0, Math.min(samples.count, most, fits));
  return { images: samples.images.slice(0, count * size), count };
}
