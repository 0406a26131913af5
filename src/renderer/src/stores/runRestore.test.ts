import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../../shared/contract/runReport';
import { DEFAULT_DATA_SPEC, DEFAULT_TRAIN_SETTINGS } from '../../../shared/contract/training';
import { DEFAULT_PRESET_ID, getPreset } from '../../../shared/presets';
import * as reduce from './runReducers';
import { continueRun, restoreRun } from './runRestore';
import { initialRun, type RunData } from './runState';

const graph = getPreset(DEFAULT_PRESET_ID)!.graph;
const settings = { ...DEFAULT_TRAIN_SETTINGS, epochs: 3 };
const progress = (epoch: number, batch: number, loss: number) => ({
  epoch,
  batch,
  batchesPerEpoch: 4,
  loss,
  samplesPerSecond: 0,
  etaSeconds: 0,
});
const epoch = (n: number, trainLoss: number) => ({
  epoch: n,
  trainLoss,
  valLoss: trainLoss + 0.01,
  terms: {},
  seconds: 1,
});

const report: RunReport = {
  runId: 'r1',
  graph,
  settings,
  data: DEFAULT_DATA_SPEC,
  procedure: null,
  status: 'paused',
  totalEpochs: 3,
  batchesPerEpoch: 4,
  trainCount: 100,
  validationCount: 10,
  progress: progress(2, 2, 0.2),
  pausedAt: { epoch: 2, batch: 2 },
  epochs: [epoch(1, 0.3)],
  batchLosses: [
    { epoch: 1, batch: 2, batchesPerEpoch: 4, loss: 0.4 },
    { epoch: 1, batch: 4, batchesPerEpoch: 4, loss: 0.3 },
    { epoch: 2, batch: 2, batchesPerEpoch: 4, loss: 0.2 },
  ],
  phases: [],
  comparison: null,
  snapshotEpoch: 1,
  warnings: [{ epoch: 1, kind: 'stalled', message: 'The loss stopped moving.' }],
  ended: null,
};

/** What a page that saw the events live holds. */
function live(): RunData {
  let s: RunData = { ...initialRun(settings, DEFAULT_DATA_SPEC), phase: 'starting' };
  s = reduce.onTrainProgress(s, { runId: 'r1', ...progress(1, 2, 0.4) });
  s = reduce.onTrainProgress(s, { runId: 'r1', ...progress(1, 4, 0.3) });
  s = reduce.onTrainEpoch(s, { runId: 'r1', ...epoch(1, 0.3) });
  s = reduce.onTrainProgress(s, { runId: 'r1', ...progress(2, 2, 0.2) });
  return s;
}

describe('restoring a run the host reports', () => {
  it('gives a reloaded page the curve a page that saw the events has', () => {
    const restored = restoreRun(report, initialRun(DEFAULT_TRAIN_SETTINGS, DEFAULT_DATA_SPEC));
    const seen = live();
    expect(restored.epochs).toEqual(seen.epochs);
    expect(restored.batchLosses.toArray()).toEqual(seen.batchLosses.toArray());
    expect(restored).toMatchObject({
      runId: 'r1',
      phase: 'running',
      paused: true,
      pausedAt: { epoch: 2, batch: 2 },
      totalEpochs: 3,
      settings,
      design: graph,
      warnings: ['The loss stopped moving.'],
      ended: null,
    });
  });

  it('shows an ended run as ended, with how it ended', () => {
    const ended = restoreRun(
      {
        ...report,
        status: 'stopped',
        ended: { status: 'stopped', message: null, epochsCompleted: 1, checkpointEpoch: 1 },
      },
      initialRun(DEFAULT_TRAIN_SETTINGS, DEFAULT_DATA_SPEC),
    );
    expect(ended).toMatchObject({
      phase: 'ended',
      paused: false,
      ended: { status: 'stopped', epochsCompleted: 1 },
    });
  });

  it('training more keeps the curve to the last whole epoch and waits for the host', () => {
    const ended = restoreRun(
      {
        ...report,
        status: 'stopped',
        ended: { status: 'stopped', message: null, epochsCompleted: 1, checkpointEpoch: 1 },
      },
      initialRun(DEFAULT_TRAIN_SETTINGS, DEFAULT_DATA_SPEC),
    );
    const more = continueRun(ended);
    expect(more).toMatchObject({ phase: 'starting', runId: null, ended: null });
    expect(more.epochs.map((e) => e.epoch)).toEqual([1]);
    expect(more.batchLosses.toArray().map((b) => b.loss)).toEqual([0.4, 0.3]);
    // The next epoch's point goes on after the first.
    const next = reduce.onTrainEpoch(more, { runId: 'r1', ...epoch(2, 0.25) });
    expect(next.epochs.map((e) => e.x)).toEqual([1, 2]);
  });
});
