import { z } from 'zod';
import { graphDocumentSchema } from '../graph/document';
import { events } from './events';
import { dataSpecSchema, procedureSchema, trainSettingsSchema } from './training';

/**
 * The most batch losses a run report carries. Progress comes at most ten times a second, so an
 * hour's run sends 36,000; past this every other one is dropped, as the chart does.
 */
export const MAX_REPORT_BATCH_LOSSES = 4000;
export const MAX_REPORT_WARNINGS = 100;

/** Where a run stands, as the host sees it. */
export const runReportStatusSchema = z.enum([
  /** Accepted; the trainer prepares the data and builds the model. */
  'starting',
  'running',
  'paused',
  /** Asked to stop; it stops at the next batch boundary. */
  'stopping',
  'completed',
  'stopped',
  'failed',
  'crashed',
]);
export type RunReportStatus = z.infer<typeof runReportStatusSchema>;

/** One throttled batch loss, tagged with the procedure phase it belongs to (if any). */
export const reportBatchLossSchema = z.object({
  epoch: z.number().int(),
  batch: z.number().int(),
  batchesPerEpoch: z.number().int(),
  loss: z.number(),
  phase: z.number().int().optional(),
});
export type ReportBatchLoss = z.infer<typeof reportBatchLossSchema>;

/**
 * Everything the host keeps of a run, built from the events it relayed: what a page needs to
 * show the run again after a reload (its curves, progress, phases, warnings and how it ended).
 * Images are left out: the trainer sends those again (the next epoch, or model.inspect).
 */
export const runReportSchema = z.object({
  runId: z.string().min(1).max(100),
  /** The design it trains: its results belong to this graph (stale marks compare with it). */
  graph: graphDocumentSchema,
  settings: trainSettingsSchema,
  data: dataSpecSchema,
  procedure: procedureSchema.nullable(),
  status: runReportStatusSchema,
  /** The epochs the run trains in all (a continued run counts the earlier ones too). */
  totalEpochs: z.number().int(),
  /** From train.started; null until the trainer has the data ready. */
  batchesPerEpoch: z.number().int().nullable(),
  trainCount: z.number().int().nullable(),
  validationCount: z.number().int().nullable(),
  /**
   * Where the trainer said the run sits paused (train.paused): null while it runs, and while a
   * pause is asked for but the batch under way has not finished.
   */
  pausedAt: events['train.paused'].omit({ runId: true }).nullable(),
  progress: events['train.progress'].omit({ runId: true }).nullable(),
  epochs: z.array(events['train.epoch'].omit({ runId: true })).max(100000),
  batchLosses: z.array(reportBatchLossSchema).max(MAX_REPORT_BATCH_LOSSES),
  /** Each phase of a procedure entered so far, in order. */
  phases: z.array(events['train.phase'].omit({ runId: true })).max(100),
  comparison: events['train.comparison'].omit({ runId: true }).nullable(),
  /** The epoch of the newest reconstructions the trainer sent; null before the first. */
  snapshotEpoch: z.number().int().nullable(),
  warnings: z.array(events['train.warning'].omit({ runId: true })).max(MAX_REPORT_WARNINGS),
  ended: events['train.ended'].omit({ runId: true }).nullable(),
});
export type RunReport = z.infer<typeof runReportSchema>;
