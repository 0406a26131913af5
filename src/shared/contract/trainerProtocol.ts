import { z } from 'zod';
import { graphDocumentSchema } from '../graph/document';
import { backendInfoSchema } from './commands';
import { dataSpecSchema, procedureSchema, trainSettingsSchema } from './training';

const runId = z.string().min(1).max(100);

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
  }),
  z.object({ type: z.enum(['stop', 'pause', 'resume']), runId }),
  z.object({
    type: z.literal('decode'),
    requestId: z.number().int(),
    runId,
    points: z.instanceof(Float32Array),
    count: z.number().int().min(1).max(10000),
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
]);
export type ToTrainer = z.infer<typeof toTrainerSchema>;

/** Trainer process -> host. Validated in the host on arrival; event payloads against `events`. */
export const fromTrainerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), backend: backendInfoSchema }),
  z.object({ type: z.literal('event'), name: z.string().max(100), payload: z.unknown() }),
  z.object({ type: z.literal('reply'), requestId: z.number().int(), result: z.unknown() }),
]);
export type FromTrainer = z.infer<typeof fromTrainerSchema>;
