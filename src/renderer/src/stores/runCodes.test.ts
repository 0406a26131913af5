import { describe, expect, it } from 'vitest';
import { createRunCodes, MAX_KEPT_CODES } from './runCodes';

const codes = (epoch: number) => ({
  epoch,
  codes: new Float32Array(4),
  codeSize: 2,
  count: 2,
  labels: new Int32Array([1, 5]),
  logVar: null,
});

describe('the codes kept for comparison', () => {
  it('names each run after its model, counting the runs of each model', () => {
    const kept = createRunCodes();
    kept.getState().keep('a', 'Default', codes(1));
    kept.getState().keep('b', 'Sparse', codes(1));
    kept.getState().keep('c', 'Default', codes(1));
    expect(kept.getState().kept.map((k) => k.name)).toEqual([
      'Default · run 1',
      'Sparse · run 1',
      'Default · run 2',
    ]);
  });

  it('replaces the codes of a run kept again and forgets the oldest past the limit', () => {
    const kept = createRunCodes();
    kept.getState().keep('a', 'Default', codes(1));
    kept.getState().keep('a', 'Default', codes(2));
    expect(kept.getState().kept).toHaveLength(1);
    expect(kept.getState().kept[0]).toMatchObject({ name: 'Default · run 1', codes: { epoch: 2 } });
    for (let i = 0; i < MAX_KEPT_CODES + 2; i++) kept.getState().keep(`r${i}`, 'X', codes(1));
    expect(kept.getState().kept).toHaveLength(MAX_KEPT_CODES);
  });
});
