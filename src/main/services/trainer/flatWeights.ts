import type { z } from 'zod';
import { flatWeightsSchema } from '../../../shared/contract/trainerProtocol';

// The schema lives in the trainer protocol, whose reply table checks getWeights replies with it.
export { flatWeightsSchema };
export type FlatWeights = z.infer<typeof flatWeightsSchema>;

/** Splits flat weights into named arrays (the tfjs export looks them up by name). */
export function namedWeights(weights: FlatWeights): Record<string, Float32Array> {
  const out: Record<string, Float32Array> = {};
  let at = 0;
  for (const t of weights.tensors) {
    const size = t.shape.reduce((a, b) => a * b, 1);
    out[t.name] = weights.data.slice(at, at + size);
    at += size;
  }
  return out;
}
