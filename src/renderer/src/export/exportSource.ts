import type { DataSpec, Procedure, TrainSettings } from '../../../shared/contract/training';
import type { RunRecord } from '../../../shared/project/schema';
import { runRecords } from '../project/draft';
import { runHistory } from '../stores/runHistory';
import type { GraphDocument } from '../../../shared/graph/document';
import { session } from '../actions/session';
import { projectStore } from '../project/projectStore';
import { graphStore } from '../stores/graphStore';
import type { ExportClient } from './makeExport';
import type { RunData } from '../stores/runState';
import { runStore } from '../stores/runStore';

/** What the export dialog works from: a snapshot of the project when it opens (it is modal). */
export interface ExportSource {
  doc: GraphDocument;
  title: string;
  selectedIds: readonly string[];
  settings: TrainSettings;
  /** The project's procedure (greedy, encoder reuse), written as code by the scripts. */
  procedure: Procedure | null;
  /** The run whose trained weights the model exports carry; null exports the model untrained. */
  weightsRunId: string | null;
  /** The host, for PNG, PDF and tfjs; null where none is connected (pure exports still work). */
  client: ExportClient | null;
  /** The data set the report and the latent walk take their samples from. */
  data?: DataSpec;
  /** The run history: the report's loss curves. */
  runs?: RunRecord[];
}

/** The latest completed run of the run store, else the run whose weights an opened project loaded. */
export function latestCompletedRun(
  run: Pick<RunData, 'runId' | 'ended'>,
  loadedRunId: string | null,
): string | null {
  if (run.runId && run.ended?.status === 'completed') return run.runId;
  return loadedRunId;
}

/** The app's project as the dialog sees it now. */
export function currentExportSource(): ExportSource {
  const graph = graphStore.getState();
  const run = runStore.getState();
  return {
    doc: graph.doc,
    title: graph.title || projectStore.getState().name,
    selectedIds: graph.selectedIds,
    settings: run.settings,
    procedure: projectStore.getState().procedure,
    weightsRunId: latestCompletedRun(run, projectStore.getState().loadedRunId),
    client: session().client,
    data: run.data,
    runs: runRecords(runHistory.getState().runs, run.settings),
  };
}
