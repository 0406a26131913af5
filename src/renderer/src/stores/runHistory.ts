import { createStore, useStore } from 'zustand';
import type { RunStatus } from '../../../shared/contract/events';
import type { RunGame } from '../../../shared/project/gameRecord';
import type { RunSnapshots } from '../../../shared/project/snapshots';
import type { Codes, EpochRecord } from './runState';

/** A run that ended, kept so its curves and last codes can be compared with later runs. */
export interface PastRun {
  runId: string;
  /** "Run 2 · Sparse code with an L1 penalty": what the legend shows. */
  name: string;
  /** The preset (project) it trained; the loss chart overlays the runs of the open one. */
  presetId: string;
  status: RunStatus;
  epochs: EpochRecord[];
  /** The codes after its last epoch, for the code histogram's comparison. */
  codes: Codes | null;
  /** The newest epochs' reconstructions, for a training animation (absent in older projects). */
  snapshots?: RunSnapshots;
  /** An adversarial game's figures (absent for other runs and in older projects). */
  game?: RunGame;
  /** Whether the loss chart draws its curves. */
  visible: boolean;
}

export interface RunHistoryState {
  runs: PastRun[];
  /** Remembers an ended run; a run already kept is replaced (the same id ended twice). */
  keep(run: Omit<PastRun, 'name' | 'visible'>, title: string): void;
  toggle(runId: string): void;
  clear(): void;
}

/** The most runs kept: each holds up to 2,000 codes, and a legend of more is unreadable. */
export const MAX_PAST_RUNS = 12;

/** Makes a history of ended runs; the app uses one, tests make their own. */
export const createRunHistory = () =>
  createStore<RunHistoryState>()((set, get) => {
    let counter = 0;
    return {
      runs: [],
      keep(run, title) {
        const before = get().runs.find((r) => r.runId === run.runId);
        const name = before?.name ?? `Run ${++counter} · ${title}`;
        const kept: PastRun = { ...run, name, visible: before?.visible ?? true };
        const others = get().runs.filter((r) => r.runId !== run.runId);
        set({ runs: [...others, kept].slice(-MAX_PAST_RUNS) });
      },
      toggle: (runId) =>
        set({
          runs: get().runs.map((r) => (r.runId === runId ? { ...r, visible: !r.visible } : r)),
        }),
      clear: () => set({ runs: [] }),
    };
  });

export type RunHistory = ReturnType<typeof createRunHistory>;

/** The app's history of ended runs. */
export const runHistory: RunHistory = createRunHistory();

export const useRunHistory = <T>(selector: (state: RunHistoryState) => T): T =>
  useStore(runHistory, selector);
