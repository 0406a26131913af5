import { z } from 'zod';

const f32 = z.instanceof(Float32Array);
const runId = z.string().min(1).max(100);
const count = z.number().int().min(1).max(10000);
const shape = z.array(z.number().int().positive()).min(1).max(4);
const requestId = z.number().int();

/** Where a walk starts: from uniform noise, or from a sample of the run's view set (its index). */
export const chainStartSchema = z.union([z.literal('noise'), z.number().int().nonnegative()]);
export type ChainStart = z.infer<typeof chainStartSchema>;

const chainWalkRequest = z.object({
  runId,
  start: chainStartSchema,
  /** The start sample's values when `start` is an index (the page holds the view samples). */
  sample: f32.nullable().default(null),
  steps: z.number().int().min(1).max(200),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1),
});

export const chainWalkReplySchema = z.object({
  /** steps + 1 frames, one after another: x0, then what each step rebuilt from corrupt(x(t)). */
  frames: f32,
  count: z.number().int(),
  /** One frame's shape (the sample's). */
  shape,
  start: chainStartSchema,
  /** The model's noise layers, in words: what corrupts each step. */
  corruption: z.string().max(500),
  /**
   * How a step goes on from what it rebuilt: 'bernoulli' draws each pixel on with the rebuilt
   * probability (a sigmoid output), 'mean' takes the rebuilt picture itself (other outputs).
   */
  sampling: z.enum(['bernoulli', 'mean']),
});
export type ChainWalkReply = z.infer<typeof chainWalkReplySchema>;

export const winnerCountsReplySchema = z.object({
  rule: z.enum(['top-k', 'lifetime']),
  /** How many code values win per sample (k, or ceil(rate × units) for a lifetime code). */
  kept: z.number().int().positive(),
  units: z.number().int().positive(),
  /** Per code unit, on how many of the samples sent it won. */
  wins: f32,
  count: z.number().int(),
  /** Per unit its feature picture (its weights to or from the pixels), or null without one. */
  features: f32.nullable(),
  featureShape: shape.nullable(),
  /** 'out' (the decoder's weights from the unit) or 'in' (the encoder's weights into it). */
  featureDirection: z.enum(['in', 'out']).nullable(),
  /** The code's node name. */
  label: z.string().max(200),
});
export type WinnerCountsReply = z.infer<typeof winnerCountsReplySchema>;

/** Commands of the generative views (spread into `commands`). */
export const generativeCommands = {
  /**
   * Walks a denoising autoencoder's chain (generative stochastic network): corrupt with its noise
   * layers as in training, rebuild, repeat. The same seed gives the same walk.
   */
  'model.chainWalk': { request: chainWalkRequest.strict(), reply: chainWalkReplySchema },
  /** For a winner-take-all code: how often each code unit wins over the samples sent. */
  'model.winners': {
    request: z.object({ runId, images: f32, count }).strict(),
    reply: winnerCountsReplySchema,
  },
} as const;

/** Host -> trainer messages of the same (spread into `toTrainerSchema`). */
export const generativeToTrainer = [
  chainWalkRequest.extend({ type: z.literal('chainWalk'), requestId }),
  z.object({ type: z.literal('winners'), requestId, runId, images: f32, count }),
] as const;

/** The replies the host checks them against. */
export const generativeTrainerReplies = {
  chainWalk: chainWalkReplySchema,
  winners: winnerCountsReplySchema,
} as const;
