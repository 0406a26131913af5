import { z } from 'zod';

/** How a run trains: what the Train panel edits and a preset suggests. */
export const trainSettingsSchema = z.object({
  optimizer: z.enum(['adam', 'sgd', 'rmsprop']).default('adam'),
  learningRate: z.number().positive().max(1e12).default(0.001),
  /** SGD momentum (ignored by the other optimizers). */
  momentum: z.number().min(0).max(1).default(0.9),
  batchSize: z.number().int().min(1).max(65536).default(256),
  epochs: z.number().int().min(1).max(100000).default(5),
  /** Epochs without a better validation loss before the run stops; null trains every epoch. */
  earlyStoppingPatience: z.number().int().min(1).max(10000).nullable().default(null),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(42),
});
export type TrainSettings = z.infer<typeof trainSettingsSchema>;

/** Which data a run uses. The embedded digits, or a data set imported into the host. */
export const dataSpecSchema = z.object({
  source: z.enum(['mnist']).default('mnist'),
  /** Keep only these labels (for example [1, 5, 6]); null keeps all. */
  labels: z.array(z.number().int().min(0).max(9999)).max(10000).nullable().default(null),
  /** Share of the samples held out for validation. */
  validationShare: z.number().min(0.01).max(0.9).default(0.1),
  /** Use at most this many samples in all (before the split); null uses every one. */
  limit: z.number().int().min(2).max(100_000_000).nullable().default(null),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
});
export type DataSpec = z.infer<typeof dataSpecSchema>;

export const DEFAULT_TRAIN_SETTINGS: TrainSettings = trainSettingsSchema.parse({});
export const DEFAULT_DATA_SPEC: DataSpec = dataSpecSchema.parse({});
