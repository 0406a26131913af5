import type { EventPayload, RunStatus } from '../../../shared/contract/events';
import type { DataSpec, TrainSettings } from '../../../shared/contract/training';

/** Where the one run of the Train panel stands. */
export type RunPhase = 'idle' | 'starting' | 'running' | 'stopping' | 'ended';

export interface BatchPoint {
  /** Epochs done so far, fractional: 1.5 is half way through the second epoch. */
  x: number;
  loss: number;
}

export type EpochRecord = Omit<EventPayload<'train.epoch'>, 'runId'>;
export type Snapshot = Omit<EventPayload<'train.snapshot'>, 'runId'>;
export type Progress = Omit<EventPayload<'train.progress'>, 'runId'>;

export interface RunData {
  settings: TrainSettings;
  data: DataSpec;
  runId: string | null;
  phase: RunPhase;
  totalEpochs: number;
  progress: Progress | null;
  batchLosses: BatchPoint[];
  epochs: EpochRecord[];
  snapshot: Snapshot | null;
  ended: { status: RunStatus; message: string | null; epochsCompleted: number } | null;
  /** The number the trainer gives the first epoch (0 or 1), learnt from the first event. */
  epochBase: number | null;
}

/** A run state before any run, with the settings a preset suggests. */
export const initialRun = (settings: TrainSettings, data: DataSpec): RunData => ({
  settings,
  data,
  runId: null,
  phase: 'idle',
  totalEpochs: settings.epochs,
  progress: null,
  batchLosses: [],
  epochs: [],
  snapshot: null,
  ended: null,
  epochBase: null,
});

export const isActive = (phase: RunPhase): boolean =>
  phase === 'starting' || phase === 'running' || phase === 'stopping';
