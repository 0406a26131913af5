/** HTML text and attribute values from untrusted strings: no tag, no entity, no attribute break. */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

// NUL is turned into U+FFFD by every HTML parser; other C0 controls (not tab, LF, FF, CR) are
// parse errors. Dropping them keeps the output the same in every browser.
// eslint-disable-next-line no-control-regex
const HTML_CONTROLS = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;

/** Text for an HTML element's content or a quoted attribute value. */
export const htmlText = (text: string): string =>
  text.replace(HTML_CONTROLS, '').replace(/[&<>"'`]/g, (c) => HTML_ESCAPES[c]);

/** A quoted HTML attribute value (the same escapes: quotes included, so either quote is safe). */
export const htmlAttr = htmlText;
