import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_SPEC, DEFAULT_TRAIN_SETTINGS } from '../../../shared/contract/training';
import { initialRun, type RunData } from '../stores/runState';
import { describeProgress, describeRun, runFraction } from './runStatus';

const base = initialRun(DEFAULT_TRAIN_SETTINGS, DEFAULT_DATA_SPEC);
const running: RunData = {
  ...base,
  runId: 'r1',
  phase: 'running',
  totalEpochs: 4,
  epochBase: 1,
  progress: {
    epoch: 2,
    batch: 50,
    batchesPerEpoch: 100,
    loss: 0.2,
    samplesPerSecond: 5120.4,
    etaSeconds: 65,
  },
  epochs: [{ epoch: 1, x: 1, trainLoss: 0.25, valLoss: 0.2345, terms: {}, seconds: 3 }],
};

describe('the run status line', () => {
  it('says the run completed, with its epochs and last validation loss', () => {
    const ended: RunData = {
      ...running,
      phase: 'ended',
      ended: { status: 'completed', message: null, epochsCompleted: 1 },
    };
    expect(describeRun(ended)).toBe('Completed 1 epoch · validation loss 0.2345.');
    expect(runFraction(ended)).toBe(1);
  });

  it('gives the reason of a failed run', () => {
    const failed: RunData = {
      ...running,
      phase: 'ended',
      ended: { status: 'failed', message: 'The data could not be read.', epochsCompleted: 0 },
    };
    expect(describeRun(failed)).toBe('Failed after 0 epochs: The data could not be read.');
  });

  it('shows epoch and batch counted from one, the time left and the speed', () => {
    expect(describeRun(running)).toBe('Training · epoch 2 of 4 · validation loss 0.2345');
    expect(describeProgress(running)).toBe(
      'Epoch 2/4 · batch 50/100 · about 1 min 05 s left · 5,120 samples/s',
    );
    expect(runFraction(running)).toBeCloseTo(1.5 / 4);
  });

  it('counts epochs from one when the trainer numbers them from zero', () => {
    const zero = { ...running, epochBase: 0, progress: { ...running.progress!, epoch: 0 } };
    expect(describeProgress(zero)).toMatch(/^Epoch 1\/4/);
  });
});
