import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nastyString } from './arbitraries';
import { csvCell, csvRow } from './csv';

/** An RFC 4180 reader for one record. */
function readRecord(line: string): string[] {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const next = line.indexOf('"', i);
        value += line.slice(i, next);
        i = next + 1;
        if (line[i] === '"') {
          value += '"';
          i++;
        } else break;
      }
      cells.push(value);
    } else {
      const end = line.indexOf(',', i);
      cells.push(line.slice(i, end < 0 ? line.length : end));
      i = end < 0 ? line.length : end;
    }
    if (i >= line.length) return cells;
    i++; // the comma
  }
}

describe('csvCell and csvRow', () => {
  it('read back cell for cell, with formulas neutralized by one apostrophe', () => {
    fc.assert(
      fc.property(fc.array(nastyString, { minLength: 1, maxLength: 6 }), (texts) => {
        const back = readRecord(csvRow(texts));
        expect(back).toEqual(texts.map((t) => (/^[=+\-@\t\r]/.test(t) ? `'${t}` : t)));
        for (const cell of back) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 2000, seed: 61 },
    );
  });

  it('writes numbers as numbers and quotes every text', () => {
    expect(csvRow([1.5, -2, '=SUM(A1)', 'a"b', null])).toBe('1.5,-2,"\'=SUM(A1)","a""b",');
    expect(csvCell(Number.NaN)).toBe('');
  });
});
