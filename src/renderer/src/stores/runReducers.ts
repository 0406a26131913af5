import type { EventName, EventPayload } from '../../../shared/contract/events';
import { keepGenerated } from '../../../shared/project/gameRecord';
import { keepSnapshot } from '../../../shared/project/snapshots';
import { MAX_BATCH_POINTS, type EpochRecord, type RunData } from './runState';

/**
 * How each training event changes the run state: pure functions, so they are tested without a
 * host. An event of another run is ignored, except while starting: the host may announce the
 * run before the reply to train.start arrives, so the first event names the run.
 */

export { MAX_BATCH_POINTS };

function belongs(state: RunData, runId: string): boolean {
  if (state.phase === 'starting' && (state.runId === null || state.runId === runId)) return true;
  return state.runId === runId && state.phase !== 'idle';
}

const baseOf = (state: RunData, epoch: number): number => state.epochBase ?? (epoch === 0 ? 0 : 1);

export function onTrainStarted(state: RunData, e: EventPayload<'train.started'>): RunData {
  if (!belongs(state, e.runId)) return state;
  return {
    ...state,
    runId: e.runId,
    phase: state.phase === 'stopping' ? 'stopping' : 'running',
    totalEpochs: e.epochs,
  };
}

export function onTrainProgress(state: RunData, e: EventPayload<'train.progress'>): RunData {
  if (!belongs(state, e.runId)) return state;
  const epochBase = baseOf(state, e.epoch);
  const { runId: _runId, ...progress } = e;
  const x =
    state.phaseOffset + e.epoch - epochBase + Math.min(1, e.batch / Math.max(1, e.batchesPerEpoch));
  // In place, O(1): the ring's version tells views the points changed (runState.ts).
  if (Number.isFinite(e.loss)) state.batchLosses.push({ x, loss: e.loss });
  return {
    ...state,
    runId: e.runId,
    phase: state.phase === 'starting' ? 'running' : state.phase,
    epochBase,
    progress,
  };
}

export function onTrainEpoch(state: RunData, e: EventPayload<'train.epoch'>): RunData {
  if (!belongs(state, e.runId)) return state;
  const { runId: _runId, ...rest } = e;
  const epochBase = baseOf(state, e.epoch);
  const record = { ...rest, x: state.phaseOffset + e.epoch - epochBase + 1 };
  const same = (r: EpochRecord) => r.epoch === e.epoch && r.phase === e.phase;
  return {
    ...state,
    runId: e.runId,
    epochBase,
    epochs: [...state.epochs.filter((r) => !same(r)), record],
  };
}

export function onTrainSnapshot(state: RunData, e: EventPayload<'train.snapshot'>): RunData {
  if (!belongs(state, e.runId)) return state;
  const { runId: _runId, ...snapshot } = e;
  // The epoch event comes before its snapshot: its loss is written on the animation's frame.
  const record = state.epochs.filter((r) => r.epoch === e.epoch).at(-1);
  const snapshots = record
    ? keepSnapshot(state.snapshots, { ...e, loss: record.valLoss ?? record.trainLoss })
    : state.snapshots;
  return { ...state, runId: e.runId, snapshot, snapshots };
}

export function onTrainFeatures(state: RunData, e: EventPayload<'train.features'>): RunData {
  if (!belongs(state, e.runId)) return state;
  const { runId: _runId, ...features } = e;
  return { ...state, runId: e.runId, features };
}

export function onTrainCodes(state: RunData, e: EventPayload<'train.codes'>): RunData {
  if (!belongs(state, e.runId)) return state;
  const { runId: _runId, ...codes } = e;
  return { ...state, runId: e.runId, codes };
}

export function onTrainSamples(state: RunData, e: EventPayload<'train.samples'>): RunData {
  if (!belongs(state, e.runId)) return state;
  const { runId: _runId, ...samples } = e;
  return { ...state, runId: e.runId, samples };
}

export function onTrainPhase(state: RunData, e: EventPayload<'train.phase'>): RunData {
  if (!belongs(state, e.runId)) return state;
  const { runId: _runId, ...stage } = e;
  // A new phase numbers its epochs from the start again; its points continue after the last ones.
  const phaseOffset = e.index > 1 ? (state.epochs.at(-1)?.x ?? state.phaseOffset) : 0;
  // The last phase's progress is not this phase's: kept, it would count that phase's epochs twice.
  return { ...state, runId: e.runId, stage, phaseOffset, progress: null };
}

export function onTrainComparison(state: RunData, e: EventPayload<'train.comparison'>): RunData {
  if (!belongs(state, e.runId)) return state;
  const { runId: _runId, ...comparison } = e;
  return { ...state, runId: e.runId, comparison };
}

export function onTrainWarning(state: RunData, e: EventPayload<'train.warning'>): RunData {
  if (!belongs(state, e.runId)) return state;
  const warnings = [...state.warnings, e.message];
  if (e.kind !== 'mode-collapse') return { ...state, runId: e.runId, warnings };
  // The game view shows this one prominently, so it is kept apart with its epoch.
  const collapse = { epoch: e.epoch, message: e.message };
  return { ...state, runId: e.runId, warnings, game: { ...state.game, collapse } };
}

/** How the two players of a game stood after an epoch: one record per epoch, the same replaced. */
export function onTrainGame(state: RunData, e: EventPayload<'train.game'>): RunData {
  if (!belongs(state, e.runId)) return state;
  const { runId: _runId, ...record } = e;
  const epochs = [...state.game.epochs.filter((r) => r.epoch !== e.epoch), record].sort(
    (a, b) => a.epoch - b.epoch,
  );
  return {
    ...state,
    runId: e.runId,
    epochBase: baseOf(state, e.epoch),
    game: { ...state.game, epochs },
  };
}

/** The generator's fixed-noise samples after an epoch, kept as grey frames for the slider. */
export function onTrainGenerated(state: RunData, e: EventPayload<'train.generated'>): RunData {
  if (!belongs(state, e.runId)) return state;
  const generated = keepGenerated(state.game.generated, e);
  if (generated === state.game.generated) return state;
  return { ...state, runId: e.runId, game: { ...state.game, generated } };
}

/**
 * The trainer reached the pause the person asked for and says where it sits. Taken only while a
 * pause is asked for: one that crossed a Resume on its way would otherwise pause the view again.
 */
export function onTrainPaused(state: RunData, e: EventPayload<'train.paused'>): RunData {
  if (!belongs(state, e.runId) || state.phase !== 'running' || !state.paused) return state;
  return { ...state, pausedAt: { epoch: e.epoch, batch: e.batch } };
}

export function onTrainEnded(state: RunData, e: EventPayload<'train.ended'>): RunData {
  if (!belongs(state, e.runId)) return state;
  const { status, message, epochsCompleted } = e;
  return {
    ...state,
    runId: e.runId,
    phase: 'ended',
    paused: false,
    pausedAt: null,
    ended: { status, message, epochsCompleted },
  };
}

/** The x of an epoch's point on the loss chart: epochs completed when it was measured. */
export const epochX = (state: Pick<RunData, 'epochBase'>, epoch: number): number =>
  epoch - (state.epochBase ?? 1) + 1;

export type TrainEventName = Extract<
  EventName,
  | 'train.started'
  | 'train.progress'
  | 'train.epoch'
  | 'train.snapshot'
  | 'train.features'
  | 'train.codes'
  | 'train.samples'
  | 'train.phase'
  | 'train.comparison'
  | 'train.ended'
  | 'train.warning'
  | 'train.game'
  | 'train.generated'
>;
