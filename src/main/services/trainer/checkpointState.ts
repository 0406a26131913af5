import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { graphDocumentSchema } from '../../../shared/graph/document';
import {
  dataSpecSchema,
  procedureSchema,
  trainSettingsSchema,
} from '../../../shared/contract/training';

export const CHECKPOINT_STATE = 'checkpoint.json';

const tensorInfo = z.object({ name: z.string(), shape: z.array(z.number().int().nonnegative()) });

/** What a checkpoint remembers besides the numbers: enough to start the run again where it was. */
export const checkpointStateSchema = z.object({
  runId: z.string(),
  /** The last epoch whose weights are saved (0: stopped before the first epoch ended). */
  epoch: z.number().int().min(0),
  graph: graphDocumentSchema,
  settings: trainSettingsSchema,
  data: dataSpecSchema,
  procedure: procedureSchema.nullable(),
  weightsFile: z.string(),
  weights: z.array(tensorInfo),
  optimizer: z.array(tensorInfo),
  /**
   * More named groups of tensors stored after the optimizer's, in this order: an adversarial
   * game's second player and its optimizer. Absent in the checkpoints of ordinary runs.
   */
  extras: z.array(z.object({ part: z.string(), tensors: z.array(tensorInfo) })).optional(),
  savedAt: z.string(),
});
export type CheckpointState = z.infer<typeof checkpointStateSchema>;

export type CheckpointBase = Omit<
  CheckpointState,
  'epoch' | 'weightsFile' | 'weights' | 'optimizer' | 'extras' | 'savedAt'
>;

/** A named group of tensors a checkpoint keeps beside the model and its optimizer. */
export interface CheckpointExtra {
  part: string;
  tensors: { name: string; shape: number[]; data: Float32Array }[];
}

/** The checkpoint's state, or null when there is none (or it cannot be read). */
export async function readCheckpoint(dir: string): Promise<CheckpointState | null> {
  try {
    const parsed = checkpointStateSchema.safeParse(
      JSON.parse(await readFile(join(dir, CHECKPOINT_STATE), 'utf8')),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Where a run's checkpoint lives under the app's data folder. */
export const checkpointDir = (dataDir: string, runId: string): string =>
  join(dataDir, 'runs', runId);

/** Keeps the checkpoints of the newest `keep` runs and deletes the older ones. */
export async function pruneCheckpoints(dataDir: string, keep = 20): Promise<void> {
  const root = join(dataDir, 'runs');
  const names = await readdir(root).catch(() => [] as string[]);
  const dated = await Promise.all(
    names.map(async (name) => ({
      name,
      time: (await stat(join(root, name)).catch(() => null))?.mtimeMs ?? 0,
    })),
  );
  dated.sort((a, b) => b.time - a.time);
  await Promise.all(
    dated.slice(keep).map((d) => rm(join(root, d.name), { recursive: true, force: true })),
  );
}
