import { z } from 'zod';

/** A model's weights as one flat Float32Array plus their names and shapes, in the model's order. */
export const flatWeightsSchema = z.object({
  tensors: z.array(z.object({ name: z.string(), shape: z.array(z.number().int().nonnegative()) })),
  data: z.instanceof(Float32Array),
});
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
