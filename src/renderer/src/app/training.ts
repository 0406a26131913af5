import type { StudioClient } from '../../../shared/contract/client';
import type { AppStore } from '../stores/appStore';
import type { GraphStore } from '../stores/graphStore';
import type { RunStore } from '../stores/runStore';

/** What the train actions need: the host client and the three stores. */
export interface TrainDeps {
  client: Pick<StudioClient, 'invoke' | 'on'>;
  graph: GraphStore;
  run: RunStore;
  app: AppStore;
}

/** Starts a run of the current graph with the Train panel's settings and the preset's data. */
export async function startTraining({ client, graph, run, app }: TrainDeps): Promise<void> {
  const { analysis, doc } = graph.getState();
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
  run.getState().begin();
  const result = await client.invoke('train.start', { graph: doc, settings, data });
  if (!result.ok) {
    run.getState().abandon();
    app.getState().showError(result.error.code, result.error.message);
    return;
  }
  run.getState().accepted(result.value.runId);
}

/** Asks the host to stop the run at the next batch boundary; train.ended tells when it did. */
export async function stopTraining({ client, run, app }: TrainDeps): Promise<void> {
  const { runId } = run.getState();
  if (!runId) return;
  run.getState().stopping();
  const result = await client.invoke('train.stop', { runId });
  if (!result.ok) app.getState().showError(result.error.code, result.error.message);
}

/** Routes the host's events into the stores; returns the function that stops listening. */
export function listenToHost({ client, run, app }: TrainDeps): () => void {
  const offs = [
    client.on('trainer.backend', (e) => app.getState().setBackend(e)),
    client.on('train.started', (e) => {
      run.getState().onTrainStarted(e);
      app.getState().setBackend(e.backend);
    }),
    client.on('train.progress', (e) => run.getState().onTrainProgress(e)),
    client.on('train.epoch', (e) => run.getState().onTrainEpoch(e)),
    client.on('train.snapshot', (e) => run.getState().onTrainSnapshot(e)),
    client.on('train.ended', (e) => {
      const before = run.getState().runId;
      run.getState().onTrainEnded(e);
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
