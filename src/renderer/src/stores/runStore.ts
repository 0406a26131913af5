import { createStore, useStore } from 'zustand';
import type { EventPayload } from '../../../shared/contract/events';
import {
  DEFAULT_DATA_SPEC,
  DEFAULT_TRAIN_SETTINGS,
  type DataSpec,
  type TrainSettings,
} from '../../../shared/contract/training';
import type { GraphDocument } from '../../../shared/graph/document';
import { DEFAULT_PRESET_ID, getPreset } from '../../../shared/presets';
import type { RunReport } from '../../../shared/contract/runReport';
import * as reduce from './runReducers';
import { continueRun, restoreRun } from './runRestore';
import { initialRun, type RunData } from './runState';

export interface RunState extends RunData {
  /** Changes the settings the next run uses (the Train panel's fields). */
  editSettings(patch: Partial<TrainSettings>): void;
  /** Changes the data the next run uses (source, label filter, limit, validation share). */
  editData(patch: Partial<DataSpec>): void;
  /** The person paused (the run pauses at the next batch boundary) or resumed the run. */
  setPaused(paused: boolean): void;
  /** Takes a preset's settings and data; clears the last run's results. */
  useDefaults(settings: TrainSettings, data: DataSpec): void;
  /** A start of this design was asked for: clears the last results and waits for the host. */
  begin(design?: GraphDocument): void;
  /** Shows the run the host reports (after a reload or a reconnect) as if its events were seen. */
  restore(report: RunReport): void;
  /** Training more epochs of the ended run was asked for: its curve stays, the host is awaited. */
  beginMore(): void;
  /** The host accepted the start and named the run. */
  accepted(runId: string): void;
  /** The start or the run failed before any event said so. */
  abandon(): void;
  stopping(): void;
  onTrainStarted(e: EventPayload<'train.started'>): void;
  onTrainProgress(e: EventPayload<'train.progress'>): void;
  onTrainEpoch(e: EventPayload<'train.epoch'>): void;
  onTrainSnapshot(e: EventPayload<'train.snapshot'>): void;
  onTrainFeatures(e: EventPayload<'train.features'>): void;
  onTrainCodes(e: EventPayload<'train.codes'>): void;
  onTrainSamples(e: EventPayload<'train.samples'>): void;
  onTrainPhase(e: EventPayload<'train.phase'>): void;
  onTrainComparison(e: EventPayload<'train.comparison'>): void;
  onTrainPaused(e: EventPayload<'train.paused'>): void;
  onTrainEnded(e: EventPayload<'train.ended'>): void;
  onTrainWarning(e: EventPayload<'train.warning'>): void;
  onTrainGame(e: EventPayload<'train.game'>): void;
  onTrainGenerated(e: EventPayload<'train.generated'>): void;
}

/** Makes a run store; the app uses one, tests make their own. */
export function createRunStore(settings: TrainSettings, data: DataSpec) {
  return createStore<RunState>()((set, get) => {
    const apply = (next: RunData) => {
      if (next !== get()) set(next);
    };
    return {
      ...initialRun(settings, data),
      editSettings: (patch) => set({ settings: { ...get().settings, ...patch } }),
      editData: (patch) => set({ data: { ...get().data, ...patch } }),
      setPaused(paused) {
        if (get().phase === 'running' || !paused) set({ paused, pausedAt: null });
      },
      useDefaults: (s, d) => set(initialRun(s, d)),
      begin(design) {
        const { settings: s, data: d } = get();
        set({ ...initialRun(s, d), phase: 'starting', design: design ?? null });
      },
      restore: (report) => set(restoreRun(report, get())),
      beginMore: () => apply(continueRun(get())),
      accepted(runId) {
        const state = get();
        if (state.phase === 'starting' || state.phase === 'stopping') {
          if (state.runId === null) set({ runId });
        }
      },
      abandon: () => set({ phase: 'idle', runId: null }),
      stopping() {
        if (get().phase === 'running' || get().phase === 'starting') set({ phase: 'stopping' });
      },
      onTrainStarted: (e) => apply(reduce.onTrainStarted(get(), e)),
      onTrainProgress: (e) => apply(reduce.onTrainProgress(get(), e)),
      onTrainEpoch: (e) => apply(reduce.onTrainEpoch(get(), e)),
      onTrainSnapshot: (e) => apply(reduce.onTrainSnapshot(get(), e)),
      onTrainFeatures: (e) => apply(reduce.onTrainFeatures(get(), e)),
      onTrainCodes: (e) => apply(reduce.onTrainCodes(get(), e)),
      onTrainSamples: (e) => apply(reduce.onTrainSamples(get(), e)),
      onTrainPhase: (e) => apply(reduce.onTrainPhase(get(), e)),
      onTrainComparison: (e) => apply(reduce.onTrainComparison(get(), e)),
      onTrainPaused: (e) => apply(reduce.onTrainPaused(get(), e)),
      onTrainEnded: (e) => apply(reduce.onTrainEnded(get(), e)),
      onTrainWarning: (e) => apply(reduce.onTrainWarning(get(), e)),
      onTrainGame: (e) => apply(reduce.onTrainGame(get(), e)),
      onTrainGenerated: (e) => apply(reduce.onTrainGenerated(get(), e)),
    };
  });
}

export type RunStore = ReturnType<typeof createRunStore>;

const defaults = getPreset(DEFAULT_PRESET_ID);

/** The app's run store, holding the default preset's settings until a preset is picked. */
export const runStore: RunStore = createRunStore(
  defaults?.settings ?? DEFAULT_TRAIN_SETTINGS,
  defaults?.data ?? DEFAULT_DATA_SPEC,
);

export const useRun = <T>(selector: (state: RunState) => T): T => useStore(runStore, selector);
