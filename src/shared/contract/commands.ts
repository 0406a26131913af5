import { z } from 'zod';
import { graphDocumentSchema } from '../graph/document';
import { dataSpecSchema, trainSettingsSchema } from './training';

const f32 = z.instanceof(Float32Array);
const runId = z.string().min(1).max(100);
const shape = z.array(z.number().int().positive()).min(1).max(4);

export const backendInfoSchema = z.object({
  name: z.enum(['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu']),
  isGpu: z.boolean(),
  /** When no GPU runs: one sentence on how to get one. */
  hint: z.string().nullable(),
});
export type BackendInfo = z.infer<typeof backendInfoSchema>;

export const dataSummarySchema = z.object({
  name: z.string(),
  sampleShape: shape,
  trainCount: z.number().int(),
  validationCount: z.number().int(),
  labels: z.array(z.number().int()),
  /** A few samples for a preview, row after row. */
  preview: f32,
  previewCount: z.number().int(),
});
export type DataSummary = z.infer<typeof dataSummarySchema>;

const empty = z.object({}).strict();

/**
 * Every command of StudioApi: its request and its reply. Nothing else crosses a process boundary,
 * and every request is validated against its schema where it arrives.
 */
export const commands = {
  'app.info': {
    request: empty,
    reply: z.object({
      version: z.string(),
      shell: z.enum(['electron', 'browser', 'memory']),
      backend: backendInfoSchema.nullable(),
    }),
  },
  'data.describe': {
    request: z.object({ data: dataSpecSchema }).strict(),
    reply: dataSummarySchema,
  },
  'train.start': {
    request: z
      .object({ graph: graphDocumentSchema, settings: trainSettingsSchema, data: dataSpecSchema })
      .strict(),
    reply: z.object({ runId }),
  },
  'train.stop': { request: z.object({ runId }).strict(), reply: empty },
  'train.pause': { request: z.object({ runId }).strict(), reply: empty },
  'train.resume': { request: z.object({ runId }).strict(), reply: empty },
  'model.decode': {
    request: z
      .object({
        runId,
        /** Latent points, one after another: count x codeSize values. */
        points: f32,
        count: z.number().int().min(1).max(10000),
      })
      .strict(),
    reply: z.object({ images: f32, shape, count: z.number().int() }),
  },
} as const;

export type CommandName = keyof typeof commands;
export type CommandRequest<N extends CommandName> = z.input<(typeof commands)[N]['request']>;
export type ParsedRequest<N extends CommandName> = z.output<(typeof commands)[N]['request']>;
export type CommandReply<N extends CommandName> = z.output<(typeof commands)[N]['reply']>;

export const isCommandName = (name: unknown): name is CommandName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(commands, name);
