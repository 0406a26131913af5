import { z } from 'zod';
import { dataSpecSchema, procedureSchema, trainSettingsSchema } from '../contract/training';
import { runGameSchema } from './gameRecord';
import { runSnapshotsSchema } from './snapshots';

export const PROJECT_FORMAT = 'autoencoder-studio-project';
export const PROJECT_VERSION = 1;

const finite = z.number();

/** One epoch of a run, as the loss chart and the run history keep it. */
export const epochRecordSchema = z.object({
  epoch: z.number().int(),
  trainLoss: finite,
  /** null when the epoch's validation loss was not a number. */
  valLoss: finite.nullable(),
  terms: z.record(z.string(), finite),
  metrics: z.record(z.string(), finite).optional(),
  phase: z.number().int().optional(),
});

/** A finished (or stopped) run, kept in the project so later runs can be compared with it. */
export const runRecordSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().max(200),
  startedAt: z.string().max(40),
  status: z.enum(['running', 'completed', 'stopped', 'failed', 'crashed']),
  settings: trainSettingsSchema,
  epochs: z.array(epochRecordSchema).max(100000),
  /** The newest epochs' reconstructions, for a training animation; absent in older projects. */
  snapshots: runSnapshotsSchema.optional(),
  /** An adversarial game's figures (players per epoch, fixed-noise samples); absent otherwise. */
  game: runGameSchema.optional(),
});
export type RunRecord = z.infer<typeof runRecordSchema>;

/**
 * A project as the renderer holds it: the graph (raw: it is migrated when opened), the training
 * settings, the data choice and the run history. Trained weights travel separately.
 */
export const projectDraftSchema = z.object({
  name: z.string().min(1).max(200),
  graph: z.unknown(),
  settings: trainSettingsSchema,
  data: dataSpecSchema,
  procedure: procedureSchema.nullable().default(null),
  runs: z.array(runRecordSchema).max(500).default([]),
});
export type ProjectDraft = z.infer<typeof projectDraftSchema>;

/** Trained weights in a project file: the tensors in the model's weight order, base64 float32. */
export const storedWeightsSchema = z.object({
  runId: z.string(),
  tensors: z.array(z.object({ name: z.string(), shape: z.array(z.number().int().nonnegative()) })),
  data: z.string(),
});
export type StoredWeights = z.infer<typeof storedWeightsSchema>;

/** The project file on disk: one JSON document, written atomically. */
export const projectFileSchema = projectDraftSchema.extend({
  format: z.literal(PROJECT_FORMAT),
  version: z.number().int().min(1),
  savedAt: z.string(),
  appVersion: z.string(),
  weights: storedWeightsSchema.nullable(),
});
export type ProjectFile = z.infer<typeof projectFileSchema>;

/**
 * The crash-recovery copy (autosave.json). Its graph is checked as a graph document (after
 * migration, in the host), never passed on as an unknown value.
 */
export const autosaveFileSchema = z.object({
  savedAt: z.string().max(40),
  path: z.string().max(4096).nullable(),
  project: projectDraftSchema,
});
export type AutosaveFile = z.infer<typeof autosaveFileSchema>;
