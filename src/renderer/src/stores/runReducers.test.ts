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
    expect(fromOne.batchLosses.toArray()).toEqual([{ x: 0.5, loss: 0.3 }]);
    expect(reduce.epochX(fromOne, 1)).toBe(1);
    const fromZero = reduce.onTrainProgress(starting(), progress('r1', 0, 5));
    expect(fromZero.batchLosses.toArray()).toEqual([{ x: 0.5, loss: 0.3 }]);
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

  it('keeps the newest batch losses of a long run instead of growing without bound', () => {
    let state = starting();
    for (let i = 0; i < reduce.MAX_BATCH_POINTS + 10; i++)
      state = reduce.onTrainProgress(state, progress('r1', 1 + Math.floor(i / 10), i % 10));
    expect(state.batchLosses.length).toBe(reduce.MAX_BATCH_POINTS);
    // The oldest ten went; the rest stay in the order they came.
    const xs = state.batchLosses.toArray().map((b) => b.x);
    expect(xs[0]).toBe(1);
    expect(xs.every((x, i) => i === 0 || x >= xs[i - 1])).toBe(true);
  });

  it('adds a batch point without copying the earlier ones, and counts a new version', () => {
    let state = reduce.onTrainProgress(starting(), progress('r1', 1, 1));
    const points = state.batchLosses;
    const version = points.version;
    state = reduce.onTrainProgress(state, progress('r1', 1, 2));
    expect(state.batchLosses).toBe(points);
    expect(state.batchLosses.version).toBe(version + 1);
    expect(state.batchLosses.length).toBe(2);
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

describe('what the views receive', () => {
  const running = (): RunData => ({ ...starting(), runId: 'r1', phase: 'running' });

  it('keeps the latest features, codes and the run samples', () => {
    let state = reduce.onTrainFeatures(running(), {
      runId: 'r1',
      epoch: 1,
      weights: new Float32Array(2 * 4),
      units: 2,
      inputShape: [4],
    });
    state = reduce.onTrainCodes(state, {
      runId: 'r1',
      epoch: 1,
      codes: new Float32Array(6),
      codeSize: 2,
      count: 3,
      labels: new Int32Array([1, 5, 6]),
      logVar: null,
    });
    state = reduce.onTrainSamples(state, {
      runId: 'r1',
      images: new Float32Array(12),
      sampleShape: [4],
      count: 3,
      labels: new Int32Array([1, 5, 6]),
    });
    expect(state.features?.units).toBe(2);
    expect(state.codes?.codeSize).toBe(2);
    expect(state.samples?.count).toBe(3);
    expect(reduce.onTrainCodes(state, { ...state.codes!, runId: 'other' })).toBe(state);
  });

  it('continues the loss chart after the epochs of earlier procedure phases', () => {
    const epoch = (e: number, phase: number) => ({
      runId: 'r1',
      epoch: e,
      trainLoss: 0.2,
      valLoss: 0.2,
      terms: {},
      seconds: 1,
      phase,
    });
    let state = reduce.onTrainPhase(running(), {
      runId: 'r1',
      index: 1,
      count: 2,
      label: 'outer pair',
    });
    state = reduce.onTrainEpoch(state, epoch(1, 1));
    state = reduce.onTrainEpoch(state, epoch(2, 1));
    state = reduce.onTrainPhase(state, { runId: 'r1', index: 2, count: 2, label: 'inner pair' });
    state = reduce.onTrainEpoch(state, epoch(1, 2));
    expect(state.stage).toEqual({ index: 2, count: 2, label: 'inner pair' });
    expect(state.epochs.map((e) => e.x)).toEqual([1, 2, 3]);
    expect(reduce.onTrainProgress(state, progress('r1', 1, 5)).batchLosses.at(-1)?.x).toBe(2.5);
  });

  it('keeps the encoder-reuse comparison and ends a paused run unpaused', () => {
    let state = reduce.onTrainComparison(running(), {
      runId: 'r1',
      labelled: 500,
      pretrained: 0.9,
      scratch: 0.7,
    });
    expect(state.comparison).toEqual({ labelled: 500, pretrained: 0.9, scratch: 0.7 });
    state = { ...state, paused: true };
    state = reduce.onTrainEnded(state, {
      runId: 'r1',
      status: 'stopped',
      message: null,
      epochsCompleted: 1,
    });
    expect(state.paused).toBe(false);
  });
});
