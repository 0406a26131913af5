import { describe, expect, it } from 'vitest';
import { diagramOptionsSchema } from '../../../shared/diagram';
import { latestCompletedRun } from './exportSource';
import {
  diagramOptionsOf,
  initialPictureSettings,
  withOverride,
  withoutOverride,
} from './pictureSettings';

describe('picture settings of the export dialog', () => {
  it('open with the diagram defaults, titled with the project', () => {
    const options = diagramOptionsOf(initialPictureSettings('My AE'), []);
    expect(diagramOptionsSchema.safeParse(options).success).toBe(true);
    expect(options).toMatchObject({
      title: 'My AE',
      selection: null,
      direction: 'LR',
      embedGraph: true,
    });
  });

  it('give an empty title when it is unticked, so the host draws none either', () => {
    const settings = { ...initialPictureSettings('My AE'), showTitle: false };
    expect(diagramOptionsOf(settings, []).title).toBe('');
  });

  it('draw the selected layers only when that scope is chosen and something is selected', () => {
    const selection = { ...initialPictureSettings(''), scope: 'selection' as const };
    expect(diagramOptionsOf(selection, ['a', 'b']).selection).toEqual(['a', 'b']);
    expect(diagramOptionsOf(selection, []).selection).toBeNull();
    expect(diagramOptionsOf(initialPictureSettings(''), ['a']).selection).toBeNull();
  });

  it('keep an override only while it changes something', () => {
    let o = withOverride({}, 'enc', { label: 'Encoder' });
    expect(o).toEqual({ enc: { label: 'Encoder' } });
    o = withOverride(o, 'enc', { hidden: true, color: '#ff0000' });
    expect(o).toEqual({ enc: { label: 'Encoder', hidden: true, color: '#ff0000' } });
    o = withOverride(o, 'enc', { label: '  ', hidden: false });
    expect(o).toEqual({ enc: { color: '#ff0000' } });
    expect(withoutOverride(o, 'enc')).toEqual({});
    expect(withOverride({}, 'dec', { label: '' })).toEqual({});
  });
});

describe('the run whose weights a tfjs export carries', () => {
  it('is the current run when it completed, else the run an opened project loaded', () => {
    const ended = (status: 'completed' | 'stopped') => ({
      status,
      message: null,
      epochsCompleted: 3,
    });
    expect(latestCompletedRun({ runId: 'r2', ended: ended('completed') }, 'r1')).toBe('r2');
    expect(latestCompletedRun({ runId: 'r2', ended: ended('stopped') }, 'r1')).toBe('r1');
    expect(latestCompletedRun({ runId: null, ended: null }, null)).toBeNull();
  });
});
