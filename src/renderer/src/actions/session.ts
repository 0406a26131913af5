import { connectStudio } from '../host';
import { appStore } from '../stores/appStore';
import { graphStore } from '../stores/graphStore';
import { projectStore } from '../project/projectStore';
import { runCodes } from '../stores/runCodes';
import { runHistory } from '../stores/runHistory';
import { runStore } from '../stores/runStore';
import { listenToHost, loadAppInfo, reattachRun, type TrainDeps } from '../app/training';

let deps: TrainDeps | null = null;

/** Connects to the host once and routes its events into the app's stores. */
export function startStudio(): TrainDeps {
  if (deps) return deps;
  const { client, shell, ws } = connectStudio();
  appStore.getState().setShell(shell);
  ws?.onStatus((connected) => {
    appStore.getState().setConnected(connected);
    // A fresh connection may have missed the backend announcement and the run's events.
    if (connected && deps) {
      void loadAppInfo(deps);
      void reattachRun(deps);
    }
  });
  deps = {
    client,
    graph: graphStore,
    run: runStore,
    app: appStore,
    history: runHistory,
    codes: runCodes,
    procedure: () => projectStore.getState().procedure,
  };
  listenToHost(deps);
  // "Cannot train yet" stops being true the moment the graph is fixed or replaced.
  graphStore.subscribe((state, previous) => {
    if (state.analysis !== previous.analysis && state.analysis.valid) {
      appStore.getState().clearErrors('E_INVALID_GRAPH');
    }
  });
  if (!ws) {
    void loadAppInfo(deps);
    void reattachRun(deps);
  }
  return deps;
}

/**
 * The connected studio, for the action modules beside this one. Components do not call it: they
 * call an action (train.ts, model.ts, data.ts), so what a click does is named and testable.
 */
export function session(): TrainDeps {
  return deps ?? startStudio();
}
