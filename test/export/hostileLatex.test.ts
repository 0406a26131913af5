import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HANDPICKED } from './hostileStrings';
import { latexText, tikzName } from '../../src/shared/escape/latex';

/** What a TeX parser sees: after removing every escape we emit, no special character is left. */
const unescapedSpecials = (s: string): string =>
  s
    .replace(/\\ensuremath\{\\[a-z]+\}|\\ensuremath\{-\}|\\ldots\{\}/g, '')
    .replace(/\\text(?:backslash|asciicircum|asciitilde|less|greater|bar)\{\}/g, '')
    .replace(/\\[{}$&#%_]/g, '')
    .replace(/\{\[\}|\{\]\}/g, '')
    .replace(/[^\\{}$&#%^~_[\]\n\r]/g, '');

describe('latexText', () => {
  it('escapes every TeX special character of the hostile names', () => {
    for (const name of HANDPICKED) expect(unescapedSpecials(latexText(name)), name).toBe('');
  });

  it('leaves no line break, so a name cannot end an option or a comment line', () => {
    for (const name of [...HANDPICKED, 'a\nb', 'a\u2028b', '% comment\n\\input{x}']) {
      expect(latexText(name)).not.toMatch(/[\r\n\u2028\u2029\u0085]/);
    }
  });

  it('keeps plain words, and writes the symbols of labels as math pdflatex can typeset', () => {
    expect(latexText('encoder 1 (σ)')).toBe('encoder 1 (\\ensuremath{\\sigma})');
    expect(latexText('28×28')).toBe('28\\ensuremath{\\times}28');
    expect(latexText('emoji 😀')).toBe('emoji ?');
    expect(latexText('a_b & 50%')).toBe('a\\_b \\& 50\\%');
    expect(latexText('\\input{/etc/passwd}')).toBe('\\textbackslash{}input\\{/etc/passwd\\}');
  });

  it('escapes any string so that no special character is left bare', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => unescapedSpecials(latexText(s)) === ''),
    );
  });
});

describe('tikzName', () => {
  it('is letters and digits only, and distinct per index', () => {
    for (const [i, name] of HANDPICKED.entries())
      expect(tikzName(name, i)).toMatch(/^n\d+[A-Za-z0-9]*$/);
    expect(tikzName('same', 1)).not.toBe(tikzName('same', 2));
  });
});
