/**
 * XML 1.0 (SVG) text and attribute values from untrusted strings. Escaping markup is not enough:
 * XML 1.0 forbids some characters outright (C0 controls but tab, newline and CR; U+FFFE, U+FFFF;
 * lone surrogates), even as `&#...;` references, and a strict parser such as resvg's then rejects
 * the whole picture. Those are dropped.
 */

// Everything outside XML 1.0's Char production: #x9 | #xA | #xD | [#x20-#xD7FF] |
// [#xE000-#xFFFD] | [#x10000-#x10FFFF]. With the u flag a lone surrogate is one code point.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** `text` without the characters XML 1.0 does not allow anywhere. */
export const stripXmlInvalid = (text: string): string => text.replace(NOT_XML_CHAR, '');

/** Whether every character of `text` is allowed in an XML 1.0 document. */
export const isXmlSafe = (text: string): boolean =>
  !new RegExp(NOT_XML_CHAR.source, 'u').test(text);

const TEXT_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // A parser turns a raw CR (or CR LF) into LF; the reference keeps it. Some parsers (xmldom)
  // also treat NEL and the Unicode line and paragraph separators as line ends.
  '\r': '&#13;',
  '\u0085': '&#133;',
  '\u2028': '&#8232;',
  '\u2029': '&#8233;',
};

// In an attribute a parser also turns raw tab and newline into spaces (attribute normalization).
const ATTR_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, '\t': '&#9;', '\n': '&#10;' };

/** Text for an XML text node: reads back as `text` minus the characters XML forbids. */
export const xmlText = (text: string): string =>
  stripXmlInvalid(text).replace(/[&<>"'\r\u0085\u2028\u2029]/g, (c) => TEXT_ESCAPES[c]);

/** A value for a double- or single-quoted XML attribute, read back like xmlText. */
export const xmlAttr = (text: string): string =>
  stripXmlInvalid(text).replace(/[&<>"'\r\u0085\u2028\u2029\t\n]/g, (c) => ATTR_ESCAPES[c]);

/**
 * JSON text ready to sit in an XML text node without loss: the characters XML forbids but JSON
 * strings may hold (U+FFFE, U+FFFF; JSON.stringify already escapes controls and lone surrogates)
 * become `\uXXXX` escapes, which JSON.parse turns back into the same characters.
 */
export const jsonForXml = (json: string): string =>
  // Every forbidden character is in the BMP, so one backslash-u escape each.
  json.replace(NOT_XML_CHAR, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Reverses xmlText/xmlAttr, plus the numeric references another SVG editor may have written. */
export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (m, ref: string) => {
    const code = ref.startsWith('#x')
      ? parseInt(ref.slice(2), 16)
      : ref.startsWith('#')
        ? parseInt(ref.slice(1), 10)
        : -1;
    if (code < 0) return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[ref] ?? m;
    // A reference past U+10FFFF would throw in fromCodePoint: keep such text as it was written.
    return code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}
