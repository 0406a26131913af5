import type { DataSpec, TrainSettings } from '../../../shared/contract/training';
import { designHash } from '../../../shared/compiler/designHash';
import type { GraphDocument } from '../../../shared/graph/document';
import { migrateDocument } from '../../../shared/graph/migrate';
import type { RunRecord } from '../../../shared/project/schema';
import type { RunHistory } from './runHistory';
import { initialRun, isActive, type RunData } from './runState';
import type { RunStore } from './runStore';

/**
 * Puts an opened project's training side into the run stores: its settings and data, its run
 * history for the loss chart, and, when the file had weights, its last run as the current run
 * (ended), so the views can encode and decode with the weights loaded under `loadedRunId`.
 */
export function loadProjectRuns(
  stores: { run: RunStore; history: RunHistory },
  project: { settings: TrainSettings; data: DataSpec; runs: RunRecord[]; graph?: unknown },
  presetId: string,
  loadedRunId: string | null,
): void {
  const { settings, data, runs } = project;
  const history = stores.history.getState();
  history.clear();
  for (const r of runs) {
    history.keep(
      {
        runId: r.id,
        presetId,
        status: r.status === 'running' ? 'stopped' : r.status,
        epochs: r.epochs.map((e, i) => ({ ...e, seconds: 0, x: i + 1 })),
        codes: null,
        ...(r.snapshots ? { snapshots: r.snapshots } : {}),
        ...(r.game ? { game: r.game } : {}),
      },
      r.name,
    );
  }
  // keep() numbers names afresh ("Run 1 · …"); the file's names are the ones to show.
  stores.history.setState({
    runs: stores.history
      .getState()
      .runs.map((p) => ({ ...p, name: runs.find((r) => r.id === p.runId)?.name ?? p.name })),
  });
  const base = initialRun(settings, data);
  const last = runs.at(-1);
  const design = migrateDocument(project.graph);
  if (!loadedRunId) {
    const keep = keepsCurrentRun(stores.run.getState(), design.ok ? design.value : null);
    stores.run.setState(keep ? { settings, data } : base);
    return;
  }
  const epochs = (last?.epochs ?? []).map((e, i) => ({ ...e, seconds: 0, x: i + 1 }));
  stores.run.setState({
    ...base,
    runId: loadedRunId,
    // The saved weights were loaded into the saved graph: that is the design they belong to.
    design: design.ok ? design.value : null,
    phase: 'ended',
    epochs,
    totalEpochs: Math.max(epochs.length, settings.epochs),
    epochBase: epochs[0]?.epoch ?? 1,
    ...(last?.game ? { game: last.game } : {}),
    ended: { status: 'completed', message: null, epochsCompleted: epochs.length },
  });
}

/**
 * Whether a project without weights leaves the shown run in place: a run that still trains (the
 * host goes on with it whatever the page opens), or an ended run of this very design (the
 * recovered copy of the work a reload interrupted), whose results still belong to it.
 */
function keepsCurrentRun(current: RunData, design: GraphDocument | null): boolean {
  if (isActive(current.phase)) return true;
  if (current.phase !== 'ended' || !current.design || !design) return false;
  return designHash(current.design) === designHash(design);
}
