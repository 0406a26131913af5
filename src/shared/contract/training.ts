import { z } from 'zod';
import { importSourceSchema } from './dataSources';

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
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(42),
  /** Processor threads that train and decode (wasm's pool caps it at 8); 0 uses every core. */
  threads: z.number().int().min(0).max(1024).default(0),
});
export type TrainSettings = z.infer<typeof trainSettingsSchema>;

/** Which data a run uses. The embedded digits, or a data set imported into the host. */
export const dataSpecSchema = z.object({
  /** 'mnist': the embedded digits; 'file': a data set imported from the person's files. */
  source: z.enum(['mnist', 'file']).default('mnist'),
  file: importSourceSchema.nullable().default(null),
  /** How imported values are scaled: into [0, 1], standardized per feature, or left as they are. */
  scaling: z.enum(['unit', 'standardize', 'none']).default('unit'),
  /** Keep only these labels (for example [1, 5, 6]); null keeps all. */
  labels: z.array(z.number().int().min(0).max(9999)).max(10000).nullable().default(null),
  /** Share of the samples held out for validation. */
  validationShare: z.number().min(0.01).max(0.9).default(0.1),
  /** Use at most this many samples in all (before the split); null uses every one. */
  limit: z.number().int().min(2).max(100_000_000).nullable().default(null),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(1),
});
export type DataSpec = z.infer<typeof dataSpecSchema>;

export const DEFAULT_TRAIN_SETTINGS: TrainSettings = trainSettingsSchema.parse({});
export const DEFAULT_DATA_SPEC: DataSpec = dataSpecSchema.parse({});

/** Train one autoencoder at a time, outside in, then fine-tune the whole stack. */
export const greedyProcedureSchema = z.object({
  kind: z.literal('greedy'),
  phases: z
    .array(
      z.object({
        label: z.string().max(200),
        /** The encoder and decoder layers (node ids) trained in this phase. */
        encoderNodeId: z.string().min(1),
        decoderNodeId: z.string().min(1),
        /** Epochs of this phase; absent, the phase trains the Epochs setting (epochs are per phase). */
        epochs: z.number().int().min(1).max(10000).optional(),
      }),
    )
    .min(1)
    .max(20),
  /** Epochs of the final fine-tuning of the whole stack; absent, the Epochs setting; 0 skips it. */
  fineTuneEpochs: z.number().int().min(0).max(10000).optional(),
});

/** Pretrain the encoder as an autoencoder on all data, then train the head on a few labels. */
export const reuseEncoderProcedureSchema = z.object({
  kind: z.literal('reuse-encoder'),
  /** The preset whose encoder is pretrained (same encoder layer names). */
  pretrainPresetId: z.string().min(1).max(100),
  /** How many labelled samples the classifier learns from. */
  labelledCount: z.number().int().min(10).max(1_000_000),
});

export const procedureSchema = z.discriminatedUnion('kind', [
  greedyProcedureSchema,
  reuseEncoderProcedureSchema,
]);
export type GreedyProcedure = z.infer<typeof greedyProcedureSchema>;
export type ReuseEncoderProcedure = z.infer<typeof reuseEncoderProcedureSchema>;
export type Procedure = z.infer<typeof procedureSchema>;
