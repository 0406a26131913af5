/**
 * Markdown inline text from untrusted strings: shown as the same characters, never as formatting,
 * a link, a heading, a table break or raw HTML (Markdown passes HTML tags through unchanged).
 */

// The ASCII punctuation that can start markup here (CommonMark lets a backslash escape each),
// and the three characters HTML needs as entities.
const MARKUP = /[&<>\\`*_{}[\]()#+\-.!|~$:]/g;
const MD_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

// Line breaks of any kind would end a heading or a table row; controls have no place in text.
// eslint-disable-next-line no-control-regex
const BREAKS = /\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

/**
 * One line of Markdown text that renders as `text`: markup characters backslash-escaped, `<`, `>`
 * and `&` as HTML entities (so no tag survives even where backslash escapes are not supported),
 * line breaks as spaces. Safe in a table cell too (`|` is escaped).
 */
export const mdInline = (text: string): string =>
  text
    .replace(BREAKS, ' ')
    .replace(CONTROLS, '')
    .replace(MARKUP, (c) => MD_ENTITIES[c] ?? `\\${c}`);

/** An inline code span holding `text`: fenced with more backticks than any run inside it. */
export function mdCode(text: string): string {
  const flat = text.replace(BREAKS, ' ').replace(CONTROLS, '');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // A space on each side when the text starts or ends with a backtick, as CommonMark requires.
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
