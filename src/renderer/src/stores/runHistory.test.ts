import { describe, expect, it } from 'vitest';
import { createRunHistory, MAX_PAST_RUNS } from './runHistory';

const run = (runId: string, presetId = 'default') => ({
  runId,
  presetId,
  status: 'completed' as const,
  epochs: [{ epoch: 1, x: 1, trainLoss: 0.2, valLoss: 0.3, terms: {}, seconds: 1 }],
  codes: null,
});

describe('the history of runs', () => {
  it('names each run in order with its preset title, shown by default', () => {
    const history = createRunHistory();
    history.getState().keep(run('a'), 'Default');
    history.getState().keep(run('b', 'sparse-l1'), 'Sparse');
    expect(history.getState().runs.map((r) => [r.name, r.visible])).toEqual([
      ['Run 1 · Default', true],
      ['Run 2 · Sparse', true],
    ]);
  });

  it('hides and shows a run from the legend, and keeps its name when kept again', () => {
    const history = createRunHistory();
    history.getState().keep(run('a'), 'Default');
    history.getState().toggle('a');
    history.getState().keep(run('a'), 'Default');
    expect(history.getState().runs).toHaveLength(1);
    expect(history.getState().runs[0]).toMatchObject({ name: 'Run 1 · Default', visible: false });
  });

  it('forgets the oldest runs past the limit', () => {
    const history = createRunHistory();
    for (let i = 0; i < MAX_PAST_RUNS + 3; i++) history.getState().keep(run(`r${i}`), 'Default');
    expect(history.getState().runs).toHaveLength(MAX_PAST_RUNS);
    expect(history.getState().runs[0].runId).toBe('r3');
  });
});
