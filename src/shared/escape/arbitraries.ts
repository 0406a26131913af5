/** fast-check strings for the escaping property tests (test code only). */
import fc from 'fast-check';

/** Characters that break one language or another, each alone (lone surrogates included). */
export const NASTY_CHARS = [
  '"',
  "'",
  '\\',
  '\n',
  '\r',
  '\t',
  '\u000b',
  '\u000c',
  '\u0000',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u2028',
  '\u2029',
  '\u202e',
  '\ufeff',
  '\ufffe',
  '\uffff',
  '\ud800',
  '\udbff',
  '\udc00',
  '\udfff',
  '#',
  '<',
  '>',
  '&',
  '`',
  '|',
  '*',
  '_',
  '[',
  ']',
  '(',
  ')',
  '!',
  '=',
  '+',
  '-',
  '@',
  ',',
  ' ',
  'é',
  '😀',
] as const;

/** Any string, weighted towards the nasty characters: quotes, line breaks, U+FFFE, surrogates. */
export const nastyString = fc.string({
  unit: fc.oneof(
    fc.constantFrom(...NASTY_CHARS),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 60,
});
