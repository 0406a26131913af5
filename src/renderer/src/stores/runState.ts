import type { EventPayload, RunStatus } from '../../../shared/contract/events';
import type { DataSpec, TrainSettings } from '../../../shared/contract/training';
import type { GraphDocument } from '../../../shared/graph/document';
import { EMPTY_GAME, type RunGame } from '../../../shared/project/gameRecord';
import type { RunSnapshots } from '../../../shared/project/snapshots';
import { RingBuffer } from './ringBuffer';

/** Where the one run of the Train panel stands. */
export type RunPhase = 'idle' | 'starting' | 'running' | 'stopping' | 'ended';

export interface BatchPoint {
  /** Epochs done so far, fractional: 1.5 is half way through the second epoch. */
  x: number;
  loss: number;
}

/** One epoch's losses; x places it on the chart (epochs done, counted across procedure phases). */
export type EpochRecord = Omit<EventPayload<'train.epoch'>, 'runId'> & { x: number };
export type Snapshot = Omit<EventPayload<'train.snapshot'>, 'runId'>;
export type Progress = Omit<EventPayload<'train.progress'>, 'runId'>;
export type Features = Omit<EventPayload<'train.features'>, 'runId'>;
export type Codes = Omit<EventPayload<'train.codes'>, 'runId'>;
export type Samples = Omit<EventPayload<'train.samples'>, 'runId'>;
export type Stage = Omit<EventPayload<'train.phase'>, 'runId'>;
export type Comparison = Omit<EventPayload<'train.comparison'>, 'runId'>;

export interface RunData {
  settings: TrainSettings;
  data: DataSpec;
  runId: string | null;
  /**
   * The design the run trained: its results are compared with the current design through it.
   * Null (or absent, in views that copy only what they show) when not known.
   */
  design?: GraphDocument | null;
  phase: RunPhase;
  totalEpochs: number;
  progress: Progress | null;
  /**
   * The newest batch losses (a ring: O(1) per progress event). Mutable: views select
   * `batchLosses.version` and read the points when it changes.
   */
  batchLosses: RingBuffer<BatchPoint>;
  epochs: EpochRecord[];
  snapshot: Snapshot | null;
  /** The newest epochs' reconstructions, kept small for the run record (a training animation). */
  snapshots: RunSnapshots | null;
  /** The first layer's weights after the latest epoch. */
  features: Features | null;
  /** Code values of the view samples after the latest epoch. */
  codes: Codes | null;
  /** The validation samples the codes belong to (sent once per run). */
  samples: Samples | null;
  /** Where a multi-phase procedure stands (greedy phases, encoder reuse). */
  stage: Stage | null;
  /** Encoder reuse: pretrained against scratch validation accuracy. */
  comparison: Comparison | null;
  /** Epochs done in earlier phases of a procedure, so later phases continue the chart's x. */
  phaseOffset: number;
  /** The person asked for a pause (the run pauses at the next batch boundary). */
  paused: boolean;
  /**
   * Where the trainer says the run sits paused (train.paused); null while it runs, and between
   * the person's Pause and the end of the batch under way.
   */
  pausedAt: { epoch: number; batch: number } | null;
  ended: { status: RunStatus; message: string | null; epochsCompleted: number } | null;
  /** The number the trainer gives the first epoch (0 or 1), learnt from the first event. */
  epochBase: number | null;
  /** What the trainer noticed about the run's health (a stalled loss, dead units), with advice. */
  warnings: string[];
  /** An adversarial game's figures (players per epoch, fixed-noise samples, mode collapse). */
  game: RunGame;
}

/**
 * The batch losses a chart keeps: as many as the host's report holds (MAX_REPORT_BATCH_LOSSES),
 * more than a 360-pixel chart can show; past it the oldest go (the epoch curve keeps the start).
 */
export const MAX_BATCH_POINTS = 4000;

/** A run state before any run, with the settings a preset suggests. */
export const initialRun = (settings: TrainSettings, data: DataSpec): RunData => ({
  settings,
  data,
  runId: null,
  design: null,
  phase: 'idle',
  totalEpochs: settings.epochs,
  progress: null,
  batchLosses: new RingBuffer<BatchPoint>(MAX_BATCH_POINTS),
  epochs: [],
  snapshot: null,
  snapshots: null,
  features: null,
  codes: null,
  samples: null,
  stage: null,
  comparison: null,
  phaseOffset: 0,
  paused: false,
  pausedAt: null,
  ended: null,
  epochBase: null,
  warnings: [],
  game: EMPTY_GAME,
});

export const isActive = (phase: RunPhase): boolean =>
  phase === 'starting' || phase === 'running' || phase === 'stopping';
