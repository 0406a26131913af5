import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nastyString } from './arbitraries';
import { htmlAttr, htmlText } from './html';

const decode = (html: string) =>
  html.replace(/&(amp|lt|gt|quot|#39|#96);/g, (_m, e: string) => {
    const map: Record<string, string> = {
      amp: '&',
      lt: '<',
      gt: '>',
      quot: '"',
      '#39': "'",
      '#96': '`',
    };
    return map[e];
  });

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;

describe('htmlText and htmlAttr', () => {
  it('leave no tag, quote or NUL, and decode back to the text minus control characters', () => {
    fc.assert(
      fc.property(nastyString, (text) => {
        for (const html of [htmlText(text), htmlAttr(text)]) {
          expect(html).not.toMatch(/[<>"'`]/);
          expect(html.includes('\u0000')).toBe(false);
          expect(decode(html)).toBe(text.replace(CONTROLS, ''));
        }
      }),
      { numRuns: 2000, seed: 51 },
    );
  });
});
