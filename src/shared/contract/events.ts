import { z } from 'zod';
import { backendInfoSchema } from './commands';

const f32 = z.instanceof(Float32Array);
const runId = z.string().min(1).max(100);
const finite = z.number();

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
  'train.epoch': z.object({
    runId,
    epoch: z.number().int(),
    trainLoss: finite,
    valLoss: finite,
    /** Each extra loss term on its own (KL, sparsity, contractive), averaged over the epoch. */
    terms: z.record(z.string(), finite),
    seconds: finite,
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
  'train.ended': z.object({
    runId,
    status: runStatusSchema,
    /** Why it ended, in words a person understands; null when it simply completed. */
    message: z.string().nullable(),
    epochsCompleted: z.number().int(),
  }),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<N extends EventName> = z.output<(typeof events)[N]>;
export type StudioEvent = { [N in EventName]: { name: N; payload: EventPayload<N> } }[EventName];

export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
