import { z } from 'zod';
import { backendInfoSchema } from './backend';

const f32 = z.instanceof(Float32Array);
const runId = z.string().min(1).max(100);
const finite = z.number();

/**
 * What a measure was when it was not a finite number. The measure itself then travels as null,
 * because JSON and the schemas here carry no NaN: a dropped value would hide the problem.
 */
export const nonFiniteSchema = z.enum(['NaN', 'Infinity', '-Infinity']);
export type NonFinite = z.infer<typeof nonFiniteSchema>;

/** What a run-health check noticed (see trainer/health.ts). */
export const runWarningKindSchema = z.enum([
  'stalled',
  'zero-gradients',
  'dead-units',
  /** A checkpoint could not be written (read-only or full disk): training goes on without it. */
  'checkpoint',
  /** A generator's fixed-noise samples stopped differing from one another (a game's mode collapse). */
  'mode-collapse',
  /** Layers meant to start from an earlier run's weights (a decoder made a generator) start fresh. */
  'warm-start',
]);

export const runStatusSchema = z.enum(['completed', 'stopped', 'failed', 'crashed']);
export type RunStatus = z.infer<typeof runStatusSchema>;

/** Every event the host sends to the renderer. */
export const events = {
  'trainer.backend': backendInfoSchema,
  'train.started': z.object({
    runId,
    epochs: z.number().int(),
    batchesPerEpoch: z.number().int(),
    trainCount: z.number().int(),
    validationCount: z.number().int(),
    backend: backendInfoSchema,
  }),
  'train.progress': z.object({
    runId,
    epoch: z.number().int(),
    batch: z.number().int(),
    batchesPerEpoch: z.number().int(),
    loss: finite,
    samplesPerSecond: finite,
    etaSeconds: finite,
  }),
  /**
   * The run sits paused at a batch boundary: sent once per pause, after the batch under way when
   * the pause was asked for has finished and reported.
   */
  'train.paused': z.object({
    runId,
    epoch: z.number().int(),
    /** The batch (from 0) the run goes on with when resumed. */
    batch: z.number().int(),
  }),
  'train.epoch': z.object({
    runId,
    epoch: z.number().int(),
    trainLoss: finite,
    /** null when the model gave no finite validation loss; `nonFinite.valLoss` says what it was. */
    valLoss: finite.nullable(),
    /** The measures of this epoch that were not finite numbers (sent as null), by field name. */
    nonFinite: z.record(z.string(), nonFiniteSchema).optional(),
    /** Each extra loss term on its own (KL, sparsity, contractive), averaged over the epoch. */
    terms: z.record(z.string(), finite),
    /** Other measures, e.g. accuracy and valAccuracy for a classifier. */
    metrics: z.record(z.string(), finite).optional(),
    seconds: finite,
    /** The phase of a multi-phase procedure this epoch belongs to (1-based). */
    phase: z.number().int().optional(),
  }),
  /** A procedure (greedy layer-wise, encoder reuse) entered a new phase. */
  'train.phase': z.object({
    runId,
    index: z.number().int().min(1),
    count: z.number().int().min(1),
    label: z.string(),
    /** Every phase of the procedure in order with its epochs, so progress and the chart count all. */
    phases: z
      .array(z.object({ label: z.string(), epochs: z.number().int().min(0) }))
      .max(64)
      .optional(),
  }),
  /** Encoder reuse: validation accuracy of the pretrained classifier beside one trained from scratch. */
  'train.comparison': z.object({
    runId,
    labelled: z.number().int(),
    pretrained: finite,
    scratch: finite,
  }),
  'train.snapshot': z.object({
    runId,
    epoch: z.number().int(),
    sampleShape: z.array(z.number().int()),
    count: z.number().int(),
    originals: f32,
    /** The corrupted input the model saw, when the graph adds noise. */
    noisy: f32.nullable(),
    reconstructions: f32,
    labels: z.array(z.number().int()),
  }),
  /** The first layer's weights after an epoch: one image per unit (the unit's incoming weights). */
  'train.features': z.object({
    runId,
    epoch: z.number().int(),
    /** units x inputSize values, unit after unit. */
    weights: f32,
    units: z.number().int(),
    /** The shape each unit's image has (the input's shape, e.g. [784] for 28x28 digits). */
    inputShape: z.array(z.number().int()),
  }),
  /** Code values of up to 2,000 validation samples after an epoch, with their labels. */
  'train.codes': z.object({
    runId,
    epoch: z.number().int(),
    /** count x codeSize values, sample after sample. */
    codes: f32,
    codeSize: z.number().int(),
    count: z.number().int(),
    labels: z.instanceof(Int32Array),
    /** For a variational model: the log-variance of each code value (same layout), else null. */
    logVar: f32.nullable(),
  }),
  /** Once per run: the validation samples whose codes 'train.codes' sends, for hover images and PCA. */
  'train.samples': z.object({
    runId,
    images: f32,
    sampleShape: z.array(z.number().int()),
    count: z.number().int(),
    labels: z.instanceof(Int32Array),
  }),
  'train.ended': z.object({
    runId,
    status: runStatusSchema,
    /** Why it ended, in words a person understands; null when it simply completed. */
    message: z.string().nullable(),
    epochsCompleted: z.number().int(),
    /** The epoch a checkpoint holds, when the run can be continued with 'train.continue'. */
    checkpointEpoch: z.number().int().nullable().optional(),
    /** The error code when the failure has one (E_TRAINER_PROTOCOL: the trainer broke the protocol). */
    code: z.string().max(40).optional(),
  }),
  /**
   * An adversarial game (GAN, DCGAN, adversarial autoencoder) after an epoch: how the two players
   * stand. dReal/dFake: the discriminator's mean output on real and on generated samples (0..1).
   */
  'train.game': z.object({
    runId,
    epoch: z.number().int(),
    /** The discriminator's loss (real and fake halves together), averaged over the epoch. */
    discriminatorLoss: finite,
    /** The generator's (or, in an adversarial autoencoder, the encoder's) adversarial loss. */
    generatorLoss: finite,
    dReal: finite,
    dFake: finite,
    /** Mean pairwise distance between the fixed-noise samples, over their mean distance at epoch 1. */
    diversity: finite.nullable(),
  }),
  /**
   * Samples a generator made from the same fixed noise after each epoch (the same z every time, so
   * change is visible); for a denoising chain, the frames of its corrupt-reconstruct walk.
   */
  'train.generated': z.object({
    runId,
    epoch: z.number().int(),
    sampleShape: z.array(z.number().int()),
    count: z.number().int(),
    /** count x sampleSize values, sample after sample. */
    samples: f32,
  }),
  /** The run goes on but looks unhealthy (its loss stopped moving, its units died); with advice. */
  'train.warning': z.object({
    runId,
    epoch: z.number().int(),
    kind: runWarningKindSchema,
    /** What was noticed and what to try, in words a person understands. */
    message: z.string().max(2000),
  }),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<N extends EventName> = z.output<(typeof events)[N]>;
export type StudioEvent = { [N in EventName]: { name: N; payload: EventPayload<N> } }[EventName];

export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
