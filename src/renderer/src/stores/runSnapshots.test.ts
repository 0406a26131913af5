import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_SPEC, DEFAULT_TRAIN_SETTINGS } from '../../../shared/contract/training';
import { projectDraftSchema } from '../../../shared/project/schema';
import { MAX_SNAPSHOT_EPOCHS } from '../../../shared/project/snapshots';
import { buildDraft, runRecords, RUNS_WITH_SNAPSHOTS } from '../project/draft';
import { createRunHistory } from './runHistory';
import * as reduce from './runReducers';
import { initialRun, type RunData } from './runState';

const running = (): RunData => ({
  ...initialRun(DEFAULT_TRAIN_SETTINGS, DEFAULT_DATA_SPEC),
  runId: 'r1',
  phase: 'running',
});

const epochEvent = (epoch: number) => ({
  runId: 'r1',
  epoch,
  trainLoss: 0.5 / epoch,
  valLoss: 0.6 / epoch,
  terms: {},
  seconds: 1,
});

const snapshotEvent = (epoch: number) => ({
  runId: 'r1',
  epoch,
  sampleShape: [784],
  count: 16,
  originals: new Float32Array(16 * 784),
  noisy: null,
  reconstructions: new Float32Array(16 * 784).fill(epoch / 100),
  labels: [],
});

const train = (epochs: number): RunData => {
  let state = running();
  for (let e = 1; e <= epochs; e++) {
    state = reduce.onTrainEpoch(state, epochEvent(e));
    state = reduce.onTrainSnapshot(state, snapshotEvent(e));
  }
  return state;
};

describe('the run store keeps per-epoch reconstructions for the run record', () => {
  it('keeps each epoch with its validation loss, the newest 30 of a long run', () => {
    const state = train(40);
    const frames = state.snapshots!.frames;
    expect(frames).toHaveLength(MAX_SNAPSHOT_EPOCHS);
    expect(frames.map((f) => f.epoch)).toEqual(Array.from({ length: 30 }, (_, i) => i + 11));
    expect(frames.at(-1)!.loss).toBeCloseTo(0.6 / 40);
    expect(frames.every((f) => f.count === 8)).toBe(true);
  });

  it('ignores snapshots of another run', () => {
    const state = train(2);
    const other = reduce.onTrainSnapshot(state, { ...snapshotEvent(3), runId: 'other' });
    expect(other.snapshots!.frames).toHaveLength(2);
  });

  it('carries them from an ended run through the history into a project file that validates', () => {
    const state = train(3);
    const history = createRunHistory();
    history.getState().keep(
      {
        runId: 'r1',
        presetId: 'vae',
        status: 'completed',
        epochs: state.epochs,
        codes: null,
        snapshots: state.snapshots!,
      },
      'VAE',
    );
    const records = runRecords(history.getState().runs, DEFAULT_TRAIN_SETTINGS);
    expect(records[0].snapshots!.frames.map((f) => f.epoch)).toEqual([1, 2, 3]);
    const draft = buildDraft({
      name: 'p',
      doc: { version: 1, nodes: [], edges: [] } as never,
      settings: DEFAULT_TRAIN_SETTINGS,
      data: DEFAULT_DATA_SPEC,
      procedure: null,
      runs: records,
    });
    const reparsed = projectDraftSchema.safeParse(JSON.parse(JSON.stringify(draft)));
    expect(reparsed.success).toBe(true);
    if (reparsed.success) expect(reparsed.data.runs[0].snapshots).toEqual(records[0].snapshots);
  });

  it('keeps the pictures of the newest runs only, so autosaves stay small', () => {
    const state = train(2);
    const history = createRunHistory();
    for (let i = 1; i <= RUNS_WITH_SNAPSHOTS + 3; i++)
      history.getState().keep(
        {
          runId: `r${i}`,
          presetId: 'vae',
          status: 'completed',
          epochs: state.epochs,
          codes: null,
          snapshots: state.snapshots!,
        },
        'VAE',
      );
    const records = runRecords(history.getState().runs, DEFAULT_TRAIN_SETTINGS);
    const kept = records.filter((r) => r.snapshots).map((r) => r.id);
    expect(kept).toEqual(records.slice(-RUNS_WITH_SNAPSHOTS).map((r) => r.id));
    expect(kept).toContain(`r${RUNS_WITH_SNAPSHOTS + 3}`);
  });
});
