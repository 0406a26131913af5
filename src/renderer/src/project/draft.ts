import type { DataSpec, Procedure, TrainSettings } from '../../../shared/contract/training';
import type { GraphDocument } from '../../../shared/graph/document';
import type { ProjectDraft, RunRecord } from '../../../shared/project/schema';
import type { PastRun } from '../stores/runHistory';
import type { SavedState } from './projectStore';

/**
 * How many of the newest runs keep their per-epoch pictures in the project file (about 250 KB
 * each for digits): enough for a training animation of recent runs without every autosave
 * carrying megabytes of older ones.
 */
export const RUNS_WITH_SNAPSHOTS = 5;

/** The run history as the project file keeps it: each ended run's losses per epoch. */
export function runRecords(runs: readonly PastRun[], settings: TrainSettings): RunRecord[] {
  const firstWithSnapshots = runs.length - RUNS_WITH_SNAPSHOTS;
  return runs.map((r, i) => ({
    id: r.runId,
    name: r.name,
    startedAt: '',
    status: r.status,
    settings,
    epochs: r.epochs.map((e) => ({
      epoch: e.epoch,
      trainLoss: e.trainLoss,
      valLoss: e.valLoss,
      terms: e.terms,
      ...(e.metrics ? { metrics: e.metrics } : {}),
      ...(e.phase !== undefined ? { phase: e.phase } : {}),
    })),
    ...(r.snapshots && i >= firstWithSnapshots ? { snapshots: r.snapshots } : {}),
    // A game's pictures weigh as much as the snapshots: older runs keep only their figures.
    ...(r.game ? { game: i >= firstWithSnapshots ? r.game : { ...r.game, generated: null } } : {}),
  }));
}

/** Everything a project file holds but the weights, from the app's stores. */
export function buildDraft(parts: {
  name: string;
  doc: GraphDocument;
  settings: TrainSettings;
  data: DataSpec;
  procedure: Procedure | null;
  runs: RunRecord[];
}): ProjectDraft {
  return {
    name: parts.name,
    graph: parts.doc,
    settings: parts.settings,
    data: parts.data,
    procedure: parts.procedure,
    runs: parts.runs,
  };
}

/** Whether the design or its training settings changed since the last save (or open). */
export function isDirty(saved: SavedState | null, now: SavedState): boolean {
  if (!saved) return true;
  return saved.doc !== now.doc || saved.settings !== now.settings || saved.data !== now.data;
}

/** A file name a person would pick: the project's name without characters files cannot hold. */
export const safeName = (name: string): string =>
  name
    .replace(/[\\/:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120) || 'Untitled';

/** "22:14" today, "3 Nov, 22:14" before: when the autosave copy was written. */
export function formatWhen(iso: string, now: Date = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const time = d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  return d.toDateString() === now.toDateString()
    ? time
    : `${d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' })}, ${time}`;
}
