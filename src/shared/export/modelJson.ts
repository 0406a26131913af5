import { fail, ok, type Result } from '../contract/result';

/** A model.json is topology only (weights live in .bin files): 64 MiB of text is far beyond any. */
export const MAX_MODEL_JSON_CHARS = 64 * 1024 * 1024;
/** Keras configs nest about 10 deep; 64 leaves room and keeps every recursive reader shallow. */
export const MAX_MODEL_JSON_DEPTH = 64;

const notModel = (why: string) =>
  fail<unknown>('E_MODEL_FILE', `This file is not a model.json: ${why}`);

/** The deepest bracket nesting of a JSON text, stopping early once past the limit. */
function nestingOf(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (c === 125 || c === 93) depth--;
  }
  return deepest;
}

/** True when any object in the value has an own key '__proto__' (depth already bounded). */
function hasProtoKey(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(hasProtoKey);
  if (Object.prototype.hasOwnProperty.call(value, '__proto__')) return true;
  return Object.values(value).some(hasProtoKey);
}

/**
 * The text of a model.json as JSON: a leading byte order mark is accepted; text too long, nested
 * too deep (scanned before parsing, so no reader recurses past it) or carrying '__proto__' keys
 * is refused, since no Keras or TensorFlow.js file has those.
 */
export function parseModelJson(text: string): Result<unknown> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.length > MAX_MODEL_JSON_CHARS)
    return fail('E_TOO_LARGE', 'This model.json is larger than 64 MB; a real one is far smaller.');
  if (nestingOf(body, MAX_MODEL_JSON_DEPTH) > MAX_MODEL_JSON_DEPTH)
    return notModel(`it is nested more than ${MAX_MODEL_JSON_DEPTH} levels deep.`);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return notModel('it is not valid JSON. Was it saved completely?');
  }
  if (hasProtoKey(json)) return notModel("it contains the key '__proto__', which no model has.");
  return ok(json);
}
