import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_SPEC, DEFAULT_TRAIN_SETTINGS } from '../../../shared/contract/training';
import { onTrainPhase } from '../stores/runReducers';
import { initialRun, type RunData } from '../stores/runState';
import { describeProgress, describeRun, describeStage, runFraction } from './runStatus';

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

const plan = [
  { label: 'outer pair', epochs: 1 },
  { label: 'inner pair', epochs: 1 },
  { label: 'Fine-tune the whole stack', epochs: 1 },
];
/** Half way through the one epoch of phase 2 of the greedy preset trained with Epochs 1. */
const inPhase2: RunData = {
  ...running,
  totalEpochs: 1,
  stage: { index: 2, count: 3, label: 'inner pair', phases: plan },
  progress: { ...running.progress!, epoch: 1, etaSeconds: 4 },
};

describe('the run status of a procedure of several phases', () => {
  it('says which phase runs and its epoch out of the phase’s epochs', () => {
    expect(describeRun(inPhase2)).toBe(
      'Phase 2 of 3: inner pair — epoch 1 of 1 · validation loss 0.2345',
    );
    expect(describeProgress(inPhase2)).toBe(
      'Phase 2/3 · epoch 1/1 · batch 50/100 · about 4 s left in this phase · 5,120 samples/s',
    );
    expect(describeStage(inPhase2)).toBe(
      'outer pair (1 epoch) → inner pair (1 epoch) → Fine-tune the whole stack (1 epoch) · 3 epochs in all',
    );
  });

  it('fills the bar over all phases: epoch k of phase p out of the sum of the phases’ epochs', () => {
    expect(runFraction(inPhase2)).toBeCloseTo(1.5 / 3);
    // Entering phase 3, before its first batch, the bar stands at the two phases done.
    const next = onTrainPhase(
      { ...inPhase2, progress: { ...inPhase2.progress!, batch: 100 } },
      { runId: 'r1', index: 3, count: 3, label: plan[2].label, phases: plan },
    );
    expect(runFraction(next)).toBeCloseTo(2 / 3);
    const last: RunData = {
      ...inPhase2,
      stage: { index: 3, count: 3, label: plan[2].label, phases: plan },
      progress: { ...inPhase2.progress!, batch: 100 },
    };
    expect(runFraction(last)).toBe(1);
  });

  it('reaches 1 and says the epochs of every phase when the procedure completed', () => {
    const completed: RunData = {
      ...inPhase2,
      phase: 'ended',
      stage: { index: 3, count: 3, label: plan[2].label, phases: plan },
      ended: { status: 'completed', message: null, epochsCompleted: 3 },
    };
    expect(runFraction(completed)).toBe(1);
    expect(describeRun(completed)).toBe(
      'Completed 3 epochs (3 phases × 1 epoch) · validation loss 0.2345.',
    );
  });
});
