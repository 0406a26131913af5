import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_SPEC, DEFAULT_TRAIN_SETTINGS } from '../../../shared/contract/training';
import { getPreset } from '../../../shared/presets';
import { projectDraftSchema } from '../../../shared/project/schema';
import { buildDraft, formatWhen, isDirty, runRecords, safeName } from './draft';

const doc = getPreset('default')!.graph;
const state = { doc, settings: DEFAULT_TRAIN_SETTINGS, data: DEFAULT_DATA_SPEC };

describe('the project draft', () => {
  it('holds graph, settings, data and run history in the shape the host validates', () => {
    const runs = runRecords(
      [
        {
          runId: 'r1',
          name: 'Run 1 · Default',
          presetId: 'default',
          status: 'completed',
          epochs: [{ epoch: 1, trainLoss: 0.2, valLoss: 0.21, terms: {}, seconds: 2, x: 1 }],
          codes: null,
          visible: true,
        },
      ],
      DEFAULT_TRAIN_SETTINGS,
    );
    const draft = buildDraft({ name: 'Digits', ...state, procedure: null, runs });
    expect(projectDraftSchema.safeParse(draft).success).toBe(true);
    expect(draft.runs[0].epochs[0]).toEqual({ epoch: 1, trainLoss: 0.2, valLoss: 0.21, terms: {} });
  });

  it('counts a project as changed when the design or the settings are no longer the saved ones', () => {
    expect(isDirty(state, { ...state })).toBe(false);
    expect(isDirty(state, { ...state, doc: { ...doc } })).toBe(true);
    expect(isDirty(state, { ...state, settings: { ...DEFAULT_TRAIN_SETTINGS } })).toBe(true);
    expect(isDirty(null, state)).toBe(true);
  });

  it('makes a file name of any project name and tells when a copy was saved', () => {
    expect(safeName('a/b: c?')).toBe('a b c');
    expect(safeName('   ')).toBe('Untitled');
    const now = new Date('2026-11-24T22:30:00');
    expect(formatWhen('2026-11-24T22:14:00', now)).toBe('22:14');
    expect(formatWhen('2026-11-03T09:05:00', now)).toBe('3 Nov, 09:05');
  });
});
