import { z } from 'zod';
import { graphDocumentSchema } from '../graph/document';
import { backendInfoSchema, commands, pixelFormat } from './commands';
import { generativeToTrainer, generativeTrainerReplies } from './generativeQueries';
import { labToTrainer, labTrainerReplies } from './labQueries';
import { dataSpecSchema, procedureSchema, trainSettingsSchema } from './training';

const runId = z.string().min(1).max(100);

/** A model's weights as one flat Float32Array plus their names and shapes, in the model's order. */
export const flatWeightsSchema = z.object({
  tensors: z.array(z.object({ name: z.string(), shape: z.array(z.number().int().nonnegative()) })),
  data: z.instanceof(Float32Array),
});

/** Host -> trainer process. Validated in the trainer on arrival. */
export const toTrainerSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('start'),
    runId,
    graph: graphDocumentSchema,
    settings: trainSettingsSchema,
    data: dataSpecSchema,
    procedure: procedureSchema.nullable(),
    /** Where to write a checkpoint after every epoch; null writes none. */
    checkpointDir: z.string().nullable(),
    /** Continue from the checkpoint in checkpointDir instead of starting afresh. */
    resume: z.boolean(),
    /** Another run's trained weights for the named layers to start from (see 'train.start'). */
    initialWeights: z
      .object({ weights: flatWeightsSchema, layers: z.array(z.string()) })
      .optional(),
  }),
  z.object({ type: z.enum(['stop', 'pause', 'resume']), runId }),
  z.object({
    type: z.literal('decode'),
    requestId: z.number().int(),
    runId,
    points: z.instanceof(Float32Array),
    count: z.number().int().min(1).max(10000),
    pixels: pixelFormat.optional(),
  }),
  z.object({ type: z.literal('getWeights'), requestId: z.number().int(), runId }),
  z.object({
    type: z.literal('inspect'),
    requestId: z.number().int(),
    runId,
    data: dataSpecSchema,
    epoch: z.number().int().min(0),
  }),
  z.object({
    type: z.literal('loadWeights'),
    requestId: z.number().int(),
    runId,
    graph: graphDocumentSchema,
    tensors: z.array(
      z.object({ name: z.string(), shape: z.array(z.number().int().nonnegative()) }),
    ),
    data: z.instanceof(Float32Array),
  }),
  z.object({
    type: z.literal('encode'),
    requestId: z.number().int(),
    runId,
    images: z.instanceof(Float32Array),
    count: z.number().int().min(1).max(10000),
  }),
  ...labToTrainer,
  ...generativeToTrainer,
  z.object({
    type: z.literal('encodeVariance'),
    requestId: z.number().int(),
    runId,
    images: z.instanceof(Float32Array),
    count: z.number().int().min(1).max(10000),
  }),
]);
export type ToTrainer = z.infer<typeof toTrainerSchema>;

/**
 * Each request to the trainer with the value its successful reply carries: the host checks every
 * reply against the schema of the request it answers, so a reply of the wrong shape is an error
 * for that caller rather than a value nobody checked.
 */
export const trainerReplies = {
  decode: commands['model.decode'].reply,
  encode: commands['model.encode'].reply,
  encodeVariance: commands['model.encodeVariance'].reply,
  inspect: z.object({}),
  getWeights: flatWeightsSchema,
  loadWeights: z.object({}),
  ...labTrainerReplies,
  ...generativeTrainerReplies,
} as const;
export type TrainerRequest = Extract<ToTrainer, { requestId: number }>;
export type TrainerRequestType = TrainerRequest['type'];
export type TrainerReply<K extends TrainerRequestType> = z.output<(typeof trainerReplies)[K]>;

/** Trainer process -> host. Validated in the host on arrival; event payloads against `events`. */
export const fromTrainerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), backend: backendInfoSchema }),
  z.object({ type: z.literal('event'), name: z.string().max(100), payload: z.unknown() }),
  z.object({ type: z.literal('reply'), requestId: z.number().int(), result: z.unknown() }),
  /**
   * The trainer could not read a message from the host: the request (requestId) or run (runId) it
   * was for fails, rather than waiting for an answer that never comes.
   */
  z.object({
    type: z.literal('refused'),
    requestId: z.number().int().nullable(),
    runId: z.string().max(100).nullable(),
    /** The schema's complaint, for the log. */
    issue: z.string().max(2000),
  }),
]);
export type FromTrainer = z.infer<typeof fromTrainerSchema>;
