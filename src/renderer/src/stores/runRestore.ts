import type { RunReport } from '../../../shared/contract/runReport';
import { EMPTY_GAME, type RunGame } from '../../../shared/project/gameRecord';
import * as reduce from './runReducers';
import { RingBuffer } from './ringBuffer';
import { initialRun, MAX_BATCH_POINTS, type RunData, type RunPhase } from './runState';

/** One replayed event, with the key that puts it where it came: phase, epoch, batch. */
interface Step {
  key: number[];
  apply: (s: RunData) => RunData;
}

const phaseOf: Record<RunReport['status'], RunPhase> = {
  starting: 'starting',
  running: 'running',
  paused: 'running',
  stopping: 'stopping',
  completed: 'ended',
  stopped: 'ended',
  failed: 'ended',
  crashed: 'ended',
};

const byKey = (a: Step, b: Step): number => {
  for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i] - b.key[i];
  return 0;
};

/**
 * The run state of a run the host reports (run.status), as if the page had seen its events: the
 * phases, batch losses and epochs are replayed through the same reducers in the order they came,
 * so the chart's x (phase offsets included) is what it was before the reload. The images of the
 * same run are kept when the page still has them; otherwise the trainer sends them again.
 */
export function restoreRun(report: RunReport, current: RunData): RunData {
  const { runId } = report;
  const steps: Step[] = [
    ...report.phases.map((p) => ({
      key: [p.index, -1, 0],
      apply: (s: RunData) => reduce.onTrainPhase(s, { runId, ...p }),
    })),
    ...report.batchLosses.map((b) => ({
      key: [b.phase ?? 0, b.epoch, b.batch],
      apply: (s: RunData) =>
        reduce.onTrainProgress(s, { runId, ...b, samplesPerSecond: 0, etaSeconds: 0 }),
    })),
    ...report.epochs.map((e) => ({
      key: [e.phase ?? 0, e.epoch, Infinity],
      apply: (s: RunData) => reduce.onTrainEpoch(s, { runId, ...e }),
    })),
  ].sort(byKey);
  let state: RunData = {
    ...initialRun(report.settings, report.data),
    runId,
    design: report.graph,
    phase: 'starting',
    totalEpochs: report.totalEpochs,
  };
  for (const step of steps) state = step.apply(state);
  const same = current.runId === runId;
  const ended = report.ended;
  return {
    ...state,
    phase: phaseOf[report.status],
    progress: report.progress,
    paused: report.status === 'paused',
    pausedAt: report.status === 'paused' ? report.pausedAt : null,
    comparison: report.comparison,
    warnings: report.warnings.map((w) => w.message),
    ended: ended
      ? { status: ended.status, message: ended.message, epochsCompleted: ended.epochsCompleted }
      : null,
    snapshot: same ? current.snapshot : null,
    features: same ? current.features : null,
    codes: same ? current.codes : null,
    samples: same ? current.samples : null,
    game: same ? current.game : gameOfReport(report),
  };
}

/**
 * A game's figures the report itself tells: only the mode-collapse warning (the host keeps no
 * images); the rest comes from the run record or the next epoch's events.
 */
function gameOfReport(report: RunReport): RunGame {
  const warning = report.warnings.filter((w) => w.kind === 'mode-collapse').at(-1);
  return warning
    ? { ...EMPTY_GAME, collapse: { epoch: warning.epoch, message: warning.message } }
    : EMPTY_GAME;
}

/**
 * An ended run made ready to train more epochs: it waits for the host again and keeps its curve
 * up to the last whole epoch, so the new epochs continue it.
 */
export function continueRun(state: RunData): RunData {
  if (state.phase !== 'ended' || !state.ended) return state;
  const done = state.ended.epochsCompleted;
  const lastX = state.epochs.filter((e) => e.epoch <= done).at(-1)?.x ?? 0;
  return {
    ...state,
    // The host names the run it continues (an opened project's continues its checkpoint's run).
    runId: null,
    phase: 'starting',
    ended: null,
    progress: null,
    paused: false,
    pausedAt: null,
    warnings: [],
    // Its curves go on; the warning is about the epochs before, so it waits to be sent again.
    game: { ...state.game, collapse: null },
    epochs: state.epochs.filter((e) => e.x <= lastX),
    batchLosses: RingBuffer.from(
      state.batchLosses.toArray().filter((b) => b.x <= lastX),
      MAX_BATCH_POINTS,
    ),
  };
}
