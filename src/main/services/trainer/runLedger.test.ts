import { describe, expect, it } from 'vitest';
import { MAX_REPORT_BATCH_LOSSES } from '../../../shared/contract/runReport';
import { runReportSchema } from '../../../shared/contract/runReport';
import { DEFAULT_DATA_SPEC, DEFAULT_TRAIN_SETTINGS } from '../../../shared/contract/training';
import { DEFAULT_PRESET_ID, getPreset } from '../../../shared/presets';
import { RunLedger } from './runLedger';

const graph = getPreset(DEFAULT_PRESET_ID)!.graph;
const start = {
  graph,
  settings: { ...DEFAULT_TRAIN_SETTINGS, epochs: 3 },
  data: DEFAULT_DATA_SPEC,
  procedure: null,
};
const backend = { name: 'cpu' as const, isGpu: false, hint: null };
const progress = (runId: string, epoch: number, batch: number, loss: number) => ({
  runId,
  epoch,
  batch,
  batchesPerEpoch: 10,
  loss,
  samplesPerSecond: 100,
  etaSeconds: 5,
});
const epoch = (runId: string, n: number, trainLoss: number) => ({
  runId,
  epoch: n,
  trainLoss,
  valLoss: trainLoss + 0.01,
  terms: { kl: 0.5 },
  seconds: 1,
});

function trainedTwoEpochs(ledger: RunLedger) {
  ledger.begin('r1', start);
  ledger.record('train.started', {
    runId: 'r1',
    epochs: 3,
    batchesPerEpoch: 10,
    trainCount: 900,
    validationCount: 100,
    backend,
  });
  ledger.record('train.progress', progress('r1', 1, 5, 0.3));
  ledger.record('train.epoch', epoch('r1', 1, 0.25));
  ledger.record('train.progress', progress('r1', 2, 5, 0.2));
  ledger.record('train.epoch', epoch('r1', 2, 0.18));
  ledger.record('train.warning', { runId: 'r1', epoch: 2, kind: 'stalled', message: 'Stalled.' });
}

describe('run ledger', () => {
  it('knows no run before one starts', () => {
    expect(new RunLedger().report()).toBeNull();
  });

  it('rebuilds a running run from its events: progress, curve, extra terms and warnings', () => {
    const ledger = new RunLedger();
    trainedTwoEpochs(ledger);
    const run = ledger.report()!;
    expect(runReportSchema.safeParse(run).success).toBe(true);
    expect(run).toMatchObject({
      runId: 'r1',
      status: 'running',
      totalEpochs: 3,
      batchesPerEpoch: 10,
      trainCount: 900,
      progress: { epoch: 2, batch: 5, loss: 0.2 },
      ended: null,
    });
    expect(run.epochs.map((e) => [e.epoch, e.trainLoss, e.terms.kl])).toEqual([
      [1, 0.25, 0.5],
      [2, 0.18, 0.5],
    ]);
    expect(run.batchLosses.map((b) => b.loss)).toEqual([0.3, 0.2]);
    expect(run.warnings.map((w) => w.message)).toEqual(['Stalled.']);
  });

  it('follows pause, resume and stop, then keeps how the run ended', () => {
    const ledger = new RunLedger();
    trainedTwoEpochs(ledger);
    ledger.control('r1', 'pause');
    // Asked, not yet reached: no position until the trainer says where it sits.
    expect(ledger.report()).toMatchObject({ status: 'paused', pausedAt: null });
    ledger.record('train.paused', { runId: 'r1', epoch: 2, batch: 3 });
    expect(ledger.report()).toMatchObject({ status: 'paused', pausedAt: { epoch: 2, batch: 3 } });
    ledger.control('r1', 'resume');
    expect(ledger.report()).toMatchObject({ status: 'running', pausedAt: null });
    // A paused event that crosses the resume on its way does not pause the run again.
    ledger.record('train.paused', { runId: 'r1', epoch: 2, batch: 3 });
    expect(ledger.report()).toMatchObject({ status: 'running', pausedAt: null });
    ledger.control('r1', 'stop');
    expect(ledger.report()?.status).toBe('stopping');
    ledger.record('train.ended', {
      runId: 'r1',
      status: 'stopped',
      message: null,
      epochsCompleted: 2,
      checkpointEpoch: 2,
    });
    expect(ledger.report()).toMatchObject({
      status: 'stopped',
      ended: { status: 'stopped', epochsCompleted: 2, checkpointEpoch: 2 },
    });
    expect(ledger.report()?.epochs).toHaveLength(2);
  });

  it('ignores the events of other runs (an opened project inspecting its model)', () => {
    const ledger = new RunLedger();
    trainedTwoEpochs(ledger);
    ledger.record('train.epoch', epoch('other', 9, 9));
    ledger.record('train.snapshot', {
      runId: 'other',
      epoch: 9,
      sampleShape: [784],
      count: 0,
      originals: new Float32Array(),
      noisy: null,
      reconstructions: new Float32Array(),
      labels: [],
    });
    expect(ledger.report()?.epochs.map((e) => e.epoch)).toEqual([1, 2]);
    expect(ledger.report()?.snapshotEpoch).toBeNull();
  });

  it('a continued run keeps its curve up to the checkpoint and numbers the new epochs on', () => {
    const ledger = new RunLedger();
    trainedTwoEpochs(ledger);
    ledger.record('train.ended', {
      runId: 'r1',
      status: 'completed',
      message: null,
      epochsCompleted: 2,
    });
    ledger.begin('r1', { ...start, settings: { ...start.settings, epochs: 4 } }, 3);
    ledger.record('train.epoch', epoch('r1', 3, 0.15));
    const run = ledger.report()!;
    expect(run).toMatchObject({ status: 'starting', totalEpochs: 4, ended: null });
    expect(run.epochs.map((e) => e.epoch)).toEqual([1, 2, 3]);
    expect(run.batchLosses).toHaveLength(2);
  });

  it('a new run replaces the last one, and opening a project forgets an ended one only', () => {
    const ledger = new RunLedger();
    trainedTwoEpochs(ledger);
    ledger.forgetEnded();
    expect(ledger.report()?.runId).toBe('r1');
    ledger.begin('r2', start);
    expect(ledger.report()).toMatchObject({ runId: 'r2', epochs: [], batchLosses: [] });
    ledger.record('train.ended', {
      runId: 'r2',
      status: 'failed',
      message: 'x',
      epochsCompleted: 0,
    });
    ledger.forgetEnded();
    expect(ledger.report()).toBeNull();
  });

  it('keeps at most a bounded number of batch losses, spread over the whole run', () => {
    const ledger = new RunLedger();
    ledger.begin('r1', start);
    const sent = MAX_REPORT_BATCH_LOSSES * 3;
    for (let i = 0; i < sent; i++)
      ledger.record('train.progress', progress('r1', 1, i + 1, 1 / (i + 1)));
    const losses = ledger.report()!.batchLosses;
    expect(losses.length).toBeLessThanOrEqual(MAX_REPORT_BATCH_LOSSES);
    expect(losses.at(-1)?.batch).toBe(sent);
    expect(losses[0].batch).toBeLessThan(10);
  });
});
