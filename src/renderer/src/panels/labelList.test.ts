import { describe, expect, it } from 'vitest';
import { formatLabelList, parseLabelList } from './labelList';

describe('the label filter as typed', () => {
  it('reads lists and ranges, sorted and without repeats', () => {
    expect(parseLabelList('6, 1 5;1')).toEqual({ ok: true, labels: [1, 5, 6] });
    expect(parseLabelList('0-3')).toEqual({ ok: true, labels: [0, 1, 2, 3] });
  });

  it('keeps every label when left empty', () => {
    expect(parseLabelList('  ')).toEqual({ ok: true, labels: null });
    expect(formatLabelList(null)).toBe('');
    expect(formatLabelList([1, 5, 6])).toBe('1, 5, 6');
  });

  it('says which part is not a label', () => {
    expect(parseLabelList('1, x')).toEqual({ ok: false, message: '"x" is not a label number.' });
    expect(parseLabelList('5-2').ok).toBe(false);
  });
});
