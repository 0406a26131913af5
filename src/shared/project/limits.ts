import { fail, ok, type Result } from '../contract/result';

/** A project nests about 6 levels (runs > epochs > terms); 64 leaves room and stops hostile files. */
export const MAX_JSON_DEPTH = 64;
/** The autosave copy carries no weights: a design and its run history fit well under this. */
export const MAX_AUTOSAVE_CHARS = 64 * 1024 * 1024;

/**
 * Measures how deep a JSON text nests, without parsing it and without recursion, so a file of
 * 100,000 nested brackets is refused before anything recurses into it: JSON.parse copes, but
 * structuredClone (Electron IPC) and JSON.stringify (the WebSocket codec) overflowed the stack at
 * 5,000 levels in Node 22, so a deep autosave killed every start of the app.
 */
export function checkJsonShape(text: string, maxChars: number): Result<null> {
  if (text.length > maxChars) {
    return fail(
      'E_PROJECT_TOO_LARGE',
      `This file is larger than ${Math.round(maxChars / 1024 / 1024)} MB; it cannot be opened.`,
    );
  }
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character, quotes included
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > MAX_JSON_DEPTH) {
        return fail(
          'E_PROJECT_TOO_LARGE',
          `This file nests deeper than ${MAX_JSON_DEPTH} levels, far beyond any project; it is damaged or was not written by Autoencoder Studio.`,
        );
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return ok(null);
}

/**
 * The text of a JSON file: UTF-8, with or without the byte order mark some editors add. UTF-16
 * (what some Windows editors save) is refused in words instead of failing as "not JSON".
 */
export function decodeJsonText(bytes: Uint8Array): Result<string> {
  const utf16 =
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  if (utf16) {
    return fail(
      'E_PROJECT',
      'This file was re-saved as UTF-16 text by another program; the app reads UTF-8. Save it as UTF-8 and try again.',
    );
  }
  // TextDecoder drops a leading UTF-8 byte order mark by default.
  return ok(new TextDecoder('utf-8').decode(bytes));
}
