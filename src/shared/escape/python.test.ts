import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nastyString } from './arbitraries';
import {
  PY_BUILTINS,
  PY_KEYWORDS,
  pyComment,
  pyDocText,
  pyIdentifier,
  pyIdentifierAllocator,
  pyString,
} from './python';

/** What Python makes of the body of a non-raw string literal (the escapes pyString writes). */
function decodeBody(body: string): string {
  return body.replace(
    /\\(?:x([0-9a-f]{2})|u([0-9a-f]{4})|U([0-9a-f]{8})|(.))/gs,
    (_m, x?: string, u?: string, big?: string, simple?: string) => {
      if (x ?? u) return String.fromCharCode(parseInt((x ?? u)!, 16));
      if (big) return String.fromCodePoint(parseInt(big, 16));
      const named: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', '"': '"' };
      if (simple! in named) return named[simple!];
      throw new Error(`unexpected escape \\${simple}`);
    },
  );
}

// One double-quoted literal: printable ASCII but " and \, or one of the escapes pyString writes.
const LITERAL =
  /^"(?:[\x20-\x21\x23-\x5b\x5d-\x7e]|\\[nrt\\"]|\\x[0-9a-f]{2}|\\u[0-9a-f]{4}|\\U[0-9a-f]{8})*"$/;
// Python's own line ends, and characters editors and terminals show as one.
// eslint-disable-next-line no-control-regex
const LINE_BREAKS = /[\n\r\u000b\u000c\u001c-\u001e\u0085\u2028\u2029]/;

describe('pyString', () => {
  it('writes one ASCII literal that evaluates back to any string, lone surrogates included', () => {
    fc.assert(
      fc.property(nastyString, (text) => {
        const literal = pyString(text);
        expect(literal).toMatch(LITERAL);
        expect(decodeBody(literal.slice(1, -1))).toBe(text);
      }),
      { numRuns: 2000, seed: 11 },
    );
  });

  it('writes an astral character as one \\U escape, not a surrogate pair', () => {
    expect(pyString('😀')).toBe('"\\U0001f600"');
    expect(pyString('\ud800')).toBe('"\\ud800"');
    expect(pyString('\u2028')).toBe('"\\u2028"');
    expect(pyString('\u0085')).toBe('"\\x85"');
  });
});

describe('pyDocText', () => {
  it('never closes the docstring nor breaks its line, and evaluates back to the text', () => {
    fc.assert(
      fc.property(nastyString, (text) => {
        const body = pyDocText(text);
        expect(body).not.toMatch(LINE_BREAKS);
        // Every quote is escaped: an unescaped one is preceded by an even run of backslashes.
        expect(body).not.toMatch(/(?:^|[^\\])(?:\\\\)*"/);
        // Nor can it end in a lone backslash, which would escape what follows.
        expect(/(?:^|[^\\])(?:\\\\)*\\$/.test(body)).toBe(false);
        // With the u flag, a surrogate range matches lone surrogates only.
        expect(body).not.toMatch(/[\ud800-\udfff\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff\0]/u);
        expect(decodeBody(body)).toBe(text);
      }),
      { numRuns: 2000, seed: 12 },
    );
  });

  it('keeps printable letters readable', () => {
    expect(pyDocText('Réseau β 中文')).toBe('Réseau β 中文');
  });
});

describe('pyComment', () => {
  it('stays on one line whatever the text holds', () => {
    fc.assert(
      fc.property(nastyString, (text) => {
        const comment = pyComment(text);
        expect(comment.startsWith('# ')).toBe(true);
        expect(comment).not.toMatch(LINE_BREAKS);
      }),
      { numRuns: 1000, seed: 13 },
    );
  });
});

describe('pyIdentifier and pyIdentifierAllocator', () => {
  it('gives valid, unique identifiers that are no keyword, builtin or reserved name', () => {
    fc.assert(
      fc.property(fc.array(nastyString, { maxLength: 30 }), (names) => {
        const alloc = pyIdentifierAllocator(['np', 'activation_slope'], 'layer');
        const ids = [...names, 'np', 'super', 'None', '__builtins__', 'activation_slope'].map(
          alloc,
        );
        for (const id of ids) {
          expect(id).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
          expect(PY_KEYWORDS.has(id) || PY_BUILTINS.has(id)).toBe(false);
          expect(['np', 'activation_slope']).not.toContain(id);
        }
        expect(new Set(ids).size).toBe(ids.length);
      }),
      { numRuns: 500, seed: 14 },
    );
  });

  it('keeps a name that is already an identifier', () => {
    expect(pyIdentifier('encoder_1')).toBe('encoder_1');
    expect(pyIdentifier('class', 'layer')).toBe('layer_class');
    expect(pyIdentifier('__import__', 'layer')).toBe('layer___import__');
  });
});
