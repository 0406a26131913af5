import { takeWarmStart } from '../actions/generator';
import type { StudioClient } from '../../../shared/contract/client';
import type { RunReport } from '../../../shared/contract/runReport';
import type { Procedure } from '../../../shared/contract/training';
import type { GraphDocument } from '../../../shared/graph/document';
import { getPreset } from '../../../shared/presets';
import { gameKindOf } from '../game/gameKind';
import type { AppStore } from '../stores/appStore';
import type { GraphStore } from '../stores/graphStore';
import type { RunCodes } from '../stores/runCodes';
import type { RunHistory } from '../stores/runHistory';
import type { RunStore } from '../stores/runStore';

/** What the train actions need: the host client and the stores. */
export interface TrainDeps {
  client: Pick<StudioClient, 'invoke' | 'on'>;
  graph: GraphStore;
  run: RunStore;
  app: AppStore;
  /** Where ended runs are kept for the loss overlay; none in tests that do not look. */
  history?: RunHistory;
  /** Where the last codes of ended runs are kept for the code histogram's comparison. */
  codes?: RunCodes;
  /** The procedure the open project brings (a preset's or an opened file's). */
  procedure?: () => Procedure | null;
}

/**
 * The procedure of the open preset (greedy phases, encoder reuse), when the graph still has the
 * layers it names; an edited graph without them trains once, as any other graph.
 */
export function procedureFor(
  presetId: string,
  doc: GraphDocument,
  given?: Procedure | null,
): Procedure | null {
  const procedure = given === undefined ? getPreset(presetId)?.procedure : given;
  if (!procedure) return null;
  if (procedure.kind === 'reuse-encoder') return procedure;
  const ids = new Set(doc.nodes.map((n) => n.id));
  const complete = procedure.phases.every(
    (p) => ids.has(p.encoderNodeId) && ids.has(p.decoderNodeId),
  );
  return complete ? procedure : null;
}

/** Starts a run of the current graph with the Train panel's settings and the preset's data. */
export async function startTraining(deps: TrainDeps): Promise<void> {
  const { client, graph, run, app } = deps;
  const { analysis, doc, presetId } = graph.getState();
  if (!analysis.valid) {
    const first = analysis.diagnostics.find((d) => d.severity === 'error');
    app
      .getState()
      .showError(
        'E_INVALID_GRAPH',
        `The network cannot train yet: ${first?.message ?? 'it has problems (see the Problems list).'}`,
      );
    return;
  }
  const { settings, data } = run.getState();
  run.getState().begin(doc);
  const procedure = procedureFor(presetId, doc, deps.procedure?.());
  const warmStart = takeWarmStart(doc);
  const result = await client.invoke('train.start', {
    graph: doc,
    settings,
    data,
    procedure,
    ...(warmStart ? { warmStart } : {}),
  });
  if (!result.ok) {
    run.getState().abandon();
    app.getState().showError(result.error.code, result.error.message);
    return;
  }
  run.getState().accepted(result.value.runId);
}

/**
 * Trains the ended run N more epochs (N: the Epochs field) from its weights and optimizer state
 * as they were: the same run, its curve going on, its epochs numbered on.
 */
export async function continueTraining(deps: TrainDeps): Promise<void> {
  const { client, run, app } = deps;
  const before = run.getState();
  if (!before.runId || before.phase !== 'ended') return;
  run.getState().beginMore();
  const result = await client.invoke('train.continue', {
    runId: before.runId,
    epochs: before.settings.epochs,
  });
  if (!result.ok) {
    run.setState(before);
    app.getState().showError(result.error.code, result.error.message);
    return;
  }
  run.getState().accepted(result.value.runId);
}

/**
 * Shows the run the host holds, when the page has none of its own: after a reload or a
 * reconnect the same run comes back with its curve and working Pause and Stop, and an ended
 * run's reconstructions are asked for again (a running one sends them after its next epoch).
 */
export async function reattachRun(deps: TrainDeps): Promise<void> {
  const { client, run } = deps;
  const result = await client.invoke('run.status', {});
  if (!result.ok || !result.value.run) return;
  const report = result.value.run;
  const current = run.getState();
  // A run the page started or opened since (a project's trained model) is newer than an ended one.
  const other = current.runId !== report.runId && current.phase !== 'idle';
  if (report.ended && other) return;
  run.getState().restore(report);
  if (!report.ended) return;
  keepEnded(deps, report.runId);
  if (!(current.runId === report.runId && current.snapshot)) void showRunViews(deps, report);
}

/** Asks the trainer to send an ended run's views again (reconstructions, features, codes). */
async function showRunViews({ client, app }: TrainDeps, report: RunReport): Promise<void> {
  if (report.status !== 'completed' && report.status !== 'stopped') return;
  // A GAN encodes nothing, so there are no reconstructions to ask for: its samples and figures
  // come back from its run record.
  if (gameKindOf(report.graph) === 'gan') return;
  const epoch = report.snapshotEpoch ?? report.epochs.at(-1)?.epoch ?? 0;
  const result = await client.invoke('model.inspect', {
    runId: report.runId,
    data: report.data,
    epoch,
  });
  // E_NOT_FOUND: the trainer restarted since and holds the model no more; the curve still shows.
  if (!result.ok && result.error.code !== 'E_NOT_FOUND')
    app.getState().showError(result.error.code, result.error.message);
}

/** Asks the host to stop the run at the next batch boundary; train.ended tells when it did. */
export async function stopTraining({ client, run, app }: TrainDeps): Promise<void> {
  const { runId } = run.getState();
  if (!runId) return;
  run.getState().stopping();
  const result = await client.invoke('train.stop', { runId });
  if (!result.ok) app.getState().showError(result.error.code, result.error.message);
}

/**
 * Pauses the run at the next batch boundary, or resumes a paused one. The view changes before the
 * host is asked, so the trainer's train.paused, which can come before the host's reply, finds the
 * pause asked for; a refusal puts it back.
 */
export async function togglePause({ client, run, app }: TrainDeps): Promise<void> {
  const { runId, paused, phase } = run.getState();
  if (!runId || phase !== 'running') return;
  run.getState().setPaused(!paused);
  const result = await client.invoke(paused ? 'train.resume' : 'train.pause', { runId });
  if (result.ok) return;
  run.getState().setPaused(paused);
  app.getState().showError(result.error.code, result.error.message);
}

/** Keeps an ended run in the history: its curves for the overlay, its last codes to compare. */
function keepEnded({ run, graph, history, codes }: TrainDeps, runId: string): void {
  const state = run.getState();
  if (!state.ended || state.runId !== runId || state.epochs.length === 0) return;
  const { presetId, title } = graph.getState();
  if (state.codes) codes?.getState().keep(runId, title, state.codes);
  // A run shown again after a reload has no game figures of its own: its record keeps them.
  const kept = history?.getState().runs.find((r) => r.runId === runId)?.game;
  const game = state.game.epochs.length > 0 || state.game.generated ? state.game : kept;
  history?.getState().keep(
    {
      runId,
      presetId,
      status: state.ended.status,
      epochs: state.epochs,
      codes: state.codes,
      ...(state.snapshots ? { snapshots: state.snapshots } : {}),
      ...(game ? { game } : {}),
    },
    title,
  );
}

/** Routes the host's events into the stores; returns the function that stops listening. */
export function listenToHost(deps: TrainDeps): () => void {
  const { client, run, app } = deps;
  const offs = [
    client.on('trainer.backend', (e) => app.getState().setBackend(e)),
    client.on('train.started', (e) => {
      run.getState().onTrainStarted(e);
      app.getState().setBackend(e.backend);
    }),
    client.on('train.progress', (e) => run.getState().onTrainProgress(e)),
    client.on('train.epoch', (e) => run.getState().onTrainEpoch(e)),
    client.on('train.snapshot', (e) => run.getState().onTrainSnapshot(e)),
    client.on('train.features', (e) => run.getState().onTrainFeatures(e)),
    client.on('train.codes', (e) => run.getState().onTrainCodes(e)),
    client.on('train.samples', (e) => run.getState().onTrainSamples(e)),
    client.on('train.phase', (e) => run.getState().onTrainPhase(e)),
    client.on('train.comparison', (e) => run.getState().onTrainComparison(e)),
    client.on('train.paused', (e) => run.getState().onTrainPaused(e)),
    client.on('train.warning', (e) => run.getState().onTrainWarning(e)),
    client.on('train.game', (e) => run.getState().onTrainGame(e)),
    client.on('train.generated', (e) => run.getState().onTrainGenerated(e)),
    client.on('train.ended', (e) => {
      const before = run.getState().runId;
      run.getState().onTrainEnded(e);
      keepEnded(deps, e.runId);
      const failed = e.status === 'failed' || e.status === 'crashed';
      if (failed && (before === null || before === e.runId)) {
        const code = e.status === 'crashed' ? 'E_TRAINER_CRASHED' : 'E_TRAIN_FAILED';
        app.getState().showError(code, e.message ?? 'Training stopped with an error.');
      }
    }),
  ];
  return () => offs.forEach((off) => off());
}

/** Asks the host which shell and backend run, for the top bar. */
export async function loadAppInfo({ client, app }: TrainDeps): Promise<void> {
  const result = await client.invoke('app.info', {});
  if (!result.ok) {
    app.getState().showError(result.error.code, result.error.message);
    return;
  }
  app.getState().setInfo(result.value.version, result.value.backend);
}
