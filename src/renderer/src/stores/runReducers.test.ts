import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_SPEC, DEFAULT_TRAIN_SETTINGS } from '../../../shared/contract/training';
import * as reduce from './runReducers';
import { initialRun, type RunData } from './runState';

const starting = (): RunData => ({
  ...initialRun(DEFAULT_TRAIN_SETTINGS, DEFAULT_DATA_SPEC),
  phase: 'starting',
});
const backend = { name: 'wasm' as const, isGpu: false, hint: 'Install CUDA.' };
const progress = (runId: string, epoch: number, batch: number, loss = 0.3) => ({
  runId,
  epoch,
  batch,
  batchesPerEpoch: 10,
  loss,
  samplesPerSecond: 1000,
  etaSeconds: 5,
});

describe('run events', () => {
  it('adopts the run the host announces while starting, even before the start reply', () => {
    const state = reduce.onTrainStarted(starting(), {
      runId: 'r1',
      epochs: 3,
      batchesPerEpoch: 10,
      trainCount: 900,
      validationCount: 100,
      backend,
    });
    expect(state).toMatchObject({ runId: 'r1', phase: 'running', totalEpochs: 3 });
  });

  it('ignores events of another run once a run is known', () => {
    const running = { ...starting(), runId: 'r1', phase: 'running' as const };
    expect(reduce.onTrainProgress(running, progress('other', 1, 1))).toBe(running);
    expect(
      reduce.onTrainProgress(
        initialRun(DEFAULT_TRAIN_SETTINGS, DEFAULT_DATA_SPEC),
        progress('r1', 1, 1),
      ).phase,
    ).toBe('idle');
  });

  it('places batch losses at the fraction of epochs done, whether epochs count from 0 or 1', () => {
    const fromOne = reduce.onTrainProgress(starting(), progress('r1', 1, 5));
    expect(fromOne.batchLosses).toEqual([{ x: 0.5, loss: 0.3 }]);
    expect(reduce.epochX(fromOne, 1)).toBe(1);
    const fromZero = reduce.onTrainProgress(starting(), progress('r1', 0, 5));
    expect(fromZero.batchLosses).toEqual([{ x: 0.5, loss: 0.3 }]);
    expect(reduce.epochX(fromZero, 0)).toBe(1);
  });

  it('keeps one record per epoch and the latest snapshot', () => {
    let state = reduce.onTrainProgress(starting(), progress('r1', 1, 1));
    const epoch = { runId: 'r1', epoch: 1, trainLoss: 0.2, valLoss: 0.21, terms: {}, seconds: 2 };
    state = reduce.onTrainEpoch(reduce.onTrainEpoch(state, epoch), { ...epoch, valLoss: 0.19 });
    expect(state.epochs).toHaveLength(1);
    expect(state.epochs[0].valLoss).toBe(0.19);
    const snapshot = {
      runId: 'r1',
      epoch: 1,
      sampleShape: [784],
      count: 16,
      originals: new Float32Array(16 * 784),
      noisy: null,
      reconstructions: new Float32Array(16 * 784),
      labels: [],
    };
    expect(reduce.onTrainSnapshot(state, snapshot).snapshot?.epoch).toBe(1);
  });

  it('thins the batch losses of a long run instead of growing without bound', () => {
    let state = starting();
    for (let i = 0; i <= reduce.MAX_BATCH_POINTS; i++)
      state = reduce.onTrainProgress(state, progress('r1', 1, i % 10));
    expect(state.batchLosses.length).toBeLessThanOrEqual(reduce.MAX_BATCH_POINTS);
  });

  it('ends with the status and message the host gives', () => {
    const running = { ...starting(), runId: 'r1', phase: 'running' as const };
    const ended = reduce.onTrainEnded(running, {
      runId: 'r1',
      status: 'failed',
      message: 'Out of memory.',
      epochsCompleted: 2,
    });
    expect(ended).toMatchObject({
      phase: 'ended',
      ended: { status: 'failed', message: 'Out of memory.' },
    });
  });
});
