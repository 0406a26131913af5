import { describe, expect, it } from 'vitest';
import { importSourceSchema } from '../../../shared/contract/dataSources';
import { draftToSource, EMPTY_DRAFT, sourceToDraft } from './importDraft';

describe('the data file fields', () => {
  it('make no import source until a path is typed', () => {
    expect(draftToSource(EMPTY_DRAFT)).toBeNull();
  });

  it('make a source the contract accepts for every kind of file', () => {
    for (const kind of ['idx', 'npy', 'csv', 'imageFolder'] as const) {
      const source = draftToSource({
        ...EMPTY_DRAFT,
        kind,
        path: '/data/x',
        labelsPath: '/data/y',
        labelColumn: 'label',
      });
      expect(importSourceSchema.safeParse(source).success).toBe(true);
      expect(sourceToDraft(source).kind).toBe(kind);
    }
  });

  it('leave optional paths out when they are empty', () => {
    expect(draftToSource({ ...EMPTY_DRAFT, kind: 'npy', path: ' /a.npy ' })).toEqual({
      kind: 'npy',
      path: '/a.npy',
    });
  });
});
