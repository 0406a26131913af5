import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_SPEC, DEFAULT_TRAIN_SETTINGS } from '../../../shared/contract/training';
import type { RunReport } from '../../../shared/contract/runReport';
import { MAX_GENERATED_FRAMES } from '../../../shared/project/gameRecord';
import { projectDraftSchema } from '../../../shared/project/schema';
import { buildDraft, runRecords } from '../project/draft';
import { createRunHistory } from './runHistory';
import { loadProjectRuns } from './runProject';
import * as reduce from './runReducers';
import { restoreRun } from './runRestore';
import { initialRun, type RunData } from './runState';
import { createRunStore } from './runStore';

const running = (): RunData => ({
  ...initialRun(DEFAULT_TRAIN_SETTINGS, DEFAULT_DATA_SPEC),
  runId: 'g1',
  phase: 'running',
});

const gameEvent = (epoch: number) => ({
  runId: 'g1',
  epoch,
  discriminatorLoss: 1.3 - epoch / 100,
  generatorLoss: 0.7 + epoch / 100,
  dReal: 0.6,
  dFake: 0.4,
  diversity: epoch === 1 ? 1 : 0.9,
});

const generatedEvent = (epoch: number) => ({
  runId: 'g1',
  epoch,
  sampleShape: [784],
  count: 100,
  samples: new Float32Array(100 * 784).fill(epoch / 40),
});

const play = (epochs: number): RunData => {
  let state = running();
  for (let e = 1; e <= epochs; e++) {
    state = reduce.onTrainGame(state, gameEvent(e));
    state = reduce.onTrainGenerated(state, generatedEvent(e));
  }
  return state;
};

describe('the run store keeps an adversarial game', () => {
  it('keeps each epoch of the game once, in order, and each epoch of fixed-noise samples', () => {
    let state = play(3);
    state = reduce.onTrainGame(state, { ...gameEvent(2), dReal: 0.55 });
    expect(state.game.epochs.map((e) => e.epoch)).toEqual([1, 2, 3]);
    expect(state.game.epochs[1].dReal).toBe(0.55);
    expect(state.game.generated?.frames.map((f) => f.epoch)).toEqual([1, 2, 3]);
    expect(state.game.generated?.count).toBe(100);
  });

  it('keeps the first epoch and the newest ones of a long run, within the limit', () => {
    const frames = play(30).game.generated!.frames;
    expect(frames).toHaveLength(MAX_GENERATED_FRAMES);
    expect(frames[0].epoch).toBe(1);
    expect(frames.at(-1)!.epoch).toBe(30);
  });

  it('ignores another run’s game events', () => {
    const state = running();
    expect(reduce.onTrainGame(state, { ...gameEvent(1), runId: 'other' })).toBe(state);
    expect(reduce.onTrainGenerated(state, { ...generatedEvent(1), runId: 'other' })).toBe(state);
  });

  it('keeps the mode-collapse warning apart, with its epoch, beside the other warnings', () => {
    let state = play(2);
    state = reduce.onTrainWarning(state, {
      runId: 'g1',
      epoch: 2,
      kind: 'stalled',
      message: 'Stalled.',
    });
    expect(state.game.collapse).toBeNull();
    state = reduce.onTrainWarning(state, {
      runId: 'g1',
      epoch: 2,
      kind: 'mode-collapse',
      message: 'The samples look alike.',
    });
    expect(state.game.collapse).toEqual({ epoch: 2, message: 'The samples look alike.' });
    expect(state.warnings).toHaveLength(2);
  });

  it('a new run starts with no game figures', () => {
    const store = createRunStore(DEFAULT_TRAIN_SETTINGS, DEFAULT_DATA_SPEC);
    store.setState(play(2));
    store.getState().begin();
    expect(store.getState().game.epochs).toEqual([]);
    expect(store.getState().game.generated).toBeNull();
  });

  it('a run shown again from the host’s report keeps its collapse warning', () => {
    const report = {
      runId: 'g1',
      graph: { version: 1, nodes: [], edges: [] },
      settings: DEFAULT_TRAIN_SETTINGS,
      data: DEFAULT_DATA_SPEC,
      procedure: null,
      status: 'running',
      totalEpochs: 5,
      batchesPerEpoch: 10,
      trainCount: 100,
      validationCount: 10,
      progress: null,
      epochs: [],
      batchLosses: [],
      phases: [],
      comparison: null,
      snapshotEpoch: null,
      warnings: [{ epoch: 3, kind: 'mode-collapse', message: 'Alike.' }],
      ended: null,
    } as unknown as RunReport;
    const fresh = initialRun(DEFAULT_TRAIN_SETTINGS, DEFAULT_DATA_SPEC);
    expect(restoreRun(report, fresh).game.collapse).toEqual({ epoch: 3, message: 'Alike.' });
    // The same run still on the page keeps everything it had.
    expect(restoreRun(report, play(2)).game.epochs).toHaveLength(2);
  });
});

describe('a game’s figures in the project file', () => {
  it('survive saving and opening: the run record keeps the epochs and the sample frames', () => {
    const state = play(4);
    const history = createRunHistory();
    history.getState().keep(
      {
        runId: 'g1',
        presetId: 'gan-dense',
        status: 'completed',
        epochs: [1, 2, 3, 4].map((e) => ({
          epoch: e,
          x: e,
          trainLoss: 1,
          valLoss: null,
          terms: {},
          seconds: 1,
        })),
        codes: null,
        game: state.game,
      },
      'Dense GAN',
    );
    const runs = runRecords(history.getState().runs, DEFAULT_TRAIN_SETTINGS);
    const text = JSON.stringify(
      buildDraft({
        name: 'p',
        doc: { version: 1, nodes: [], edges: [] } as never,
        settings: DEFAULT_TRAIN_SETTINGS,
        data: DEFAULT_DATA_SPEC,
        procedure: null,
        runs,
      }),
    );
    const parsed = projectDraftSchema.safeParse(JSON.parse(text));
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;

    const stores = {
      run: createRunStore(DEFAULT_TRAIN_SETTINGS, DEFAULT_DATA_SPEC),
      history: createRunHistory(),
    };
    loadProjectRuns(stores, parsed.data, 'gan-dense', 'g1');
    const opened = stores.run.getState().game;
    expect(opened.epochs.map((e) => e.epoch)).toEqual([1, 2, 3, 4]);
    expect(opened.generated?.frames.map((f) => f.epoch)).toEqual([1, 2, 3, 4]);
    expect(opened.generated?.frames[3].grey).toBe(state.game.generated?.frames[3].grey);
    expect(stores.history.getState().runs[0].game?.epochs).toHaveLength(4);
  });

  it('an older run keeps its figures but not its pictures, so the file stays small', () => {
    const game = play(2).game;
    const past = Array.from({ length: 7 }, (_, i) => ({
      runId: `r${i}`,
      name: `Run ${i}`,
      presetId: 'gan-dense',
      status: 'completed' as const,
      epochs: [],
      codes: null,
      visible: true,
      game,
    }));
    const records = runRecords(past, DEFAULT_TRAIN_SETTINGS);
    expect(records[0].game?.generated).toBeNull();
    expect(records[0].game?.epochs).toHaveLength(2);
    expect(records[6].game?.generated?.frames).toHaveLength(2);
  });
});
