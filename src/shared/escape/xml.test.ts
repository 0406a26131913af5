import { DOMParser } from '@xmldom/xmldom';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nastyString } from './arbitraries';
import { isXmlSafe, jsonForXml, stripXmlInvalid, unescapeXml, xmlAttr, xmlText } from './xml';

/** Parses one document and fails on any error xmldom reports. */
function parse(xml: string) {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level: string, message: string) => {
      if (level !== 'warning') errors.push(message);
    },
  }).parseFromString(xml, 'text/xml');
  expect(errors).toEqual([]);
  return doc;
}

describe('xmlText and xmlAttr', () => {
  it('parse as XML and read back as the text minus the characters XML forbids', () => {
    fc.assert(
      fc.property(nastyString, (text) => {
        const xml = `<r a="${xmlAttr(text)}" b='${xmlAttr(text)}'>${xmlText(text)}</r>`;
        // xmldom does not reject U+FFFE or lone surrogates: check the Char production here.
        expect(isXmlSafe(xml)).toBe(true);
        const root = parse(xml).documentElement!;
        const expected = stripXmlInvalid(text);
        expect(root.textContent).toBe(expected);
        expect(root.getAttribute('a')).toBe(expected);
        expect(root.getAttribute('b')).toBe(expected);
        expect(unescapeXml(xmlText(text))).toBe(expected);
      }),
      { numRuns: 2000, seed: 31 },
    );
  });

  it('drops U+FFFE, U+FFFF, NUL and lone surrogates, and keeps emoji', () => {
    expect(xmlText('a\ufffe\uffff\u0000\ud800b😀')).toBe('ab😀');
    expect(xmlText('<script>&\'"')).toBe('&lt;script&gt;&amp;&apos;&quot;');
  });
});

describe('jsonForXml', () => {
  it('keeps every character of a JSON string through XML, U+FFFE included', () => {
    fc.assert(
      fc.property(nastyString, (text) => {
        const body = xmlText(jsonForXml(JSON.stringify({ text })));
        expect(isXmlSafe(body)).toBe(true);
        const read = parse(`<m>${body}</m>`).documentElement!.textContent!;
        expect(JSON.parse(read)).toEqual({ text });
      }),
      { numRuns: 1000, seed: 32 },
    );
  });
});
