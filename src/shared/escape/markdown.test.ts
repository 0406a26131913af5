import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nastyString } from './arbitraries';
import { mdCode, mdInline } from './markdown';

/** What a CommonMark reader shows for mdInline's output: backslash escapes and the 3 entities. */
const shown = (md: string) =>
  md.replace(
    /\\([!-/:-@[-`{-~])|&(amp|lt|gt);/g,
    (_m, escaped?: string, entity?: string) => escaped ?? { amp: '&', lt: '<', gt: '>' }[entity!]!,
  );

// eslint-disable-next-line no-control-regex
const BREAKS = /\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

describe('mdInline', () => {
  it('leaves no raw HTML, no line break and no unescaped markup, and shows the same text', () => {
    fc.assert(
      fc.property(nastyString, (text) => {
        const md = mdInline(text);
        expect(md).not.toMatch(/[<>\n\r\u2028\u2029]/);
        // Every markup character is escaped: preceded by an odd run of backslashes.
        expect(md).not.toMatch(/(?:^|[^\\])(?:\\\\)*[`*_{}[\]()#+\-.!|~$:]/);
        expect(shown(md)).toBe(text.replace(BREAKS, ' ').replace(CONTROLS, ''));
      }),
      { numRuns: 2000, seed: 41 },
    );
  });

  it('turns <img src=x onerror=alert(1)> into text', () => {
    expect(mdInline('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert\\(1\\)&gt;');
  });
});

describe('mdCode', () => {
  it('fences the text with more backticks than any run inside it', () => {
    fc.assert(
      fc.property(nastyString, (text) => {
        const code = mdCode(text);
        const fence = /^`+/.exec(code)![0];
        expect(code.endsWith(fence)).toBe(true);
        const inner = code.slice(fence.length, code.length - fence.length);
        expect(inner.includes(fence)).toBe(false);
        expect(code).not.toMatch(/[\n\r\u2028\u2029]/);
      }),
      { numRuns: 1000, seed: 42 },
    );
  });
});
