import type { DataSpec, Procedure, TrainSettings } from '../../../shared/contract/training';
import type { GraphDocument } from '../../../shared/graph/document';
import type { ProjectDraft, RunRecord } from '../../../shared/project/schema';
import type { PastRun } from '../stores/runHistory';
import type { SavedState } from './projectStore';

/** The run history as the project file keeps it: each ended run's losses per epoch. */
export function runRecords(runs: readonly PastRun[], settings: TrainSettings): RunRecord[] {
  return runs.map((r) => ({
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
