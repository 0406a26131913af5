import { z } from 'zod';

/** What the page asks the t-SNE worker: one layout of count rows of dim values. */
export const tsneRequestSchema = z.object({
  data: z.instanceof(Float32Array),
  count: z.number().int().positive(),
  dim: z.number().int().positive(),
  seed: z.number().int(),
  perplexity: z.number().positive(),
});
export type TsneRequest = z.infer<typeof tsneRequestSchema>;

/** What the worker answers: progress with the layout so far, then the final layout, or an error. */
export const tsneReplySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('progress'),
    stage: z.enum(['neighbours', 'layout']),
    done: z.number(),
    total: z.number(),
    xy: z.instanceof(Float32Array).nullable(),
  }),
  z.object({ kind: z.literal('done'), xy: z.instanceof(Float32Array) }),
  z.object({ kind: z.literal('failed'), message: z.string() }),
]);
export type TsneReply = z.infer<typeof tsneReplySchema>;
