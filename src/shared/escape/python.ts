/**
 * Python source text from untrusted strings (project titles, layer names, imported model names).
 * Every string that reaches a generated script goes through one of these: a name must never end a
 * literal, a docstring or a comment, nor change what the script does.
 */

const hex = (code: number, width: number) => code.toString(16).padStart(width, '0');

/** Python's escape for one code point: \xNN, \uNNNN or \UNNNNNNNN (a lone surrogate as \udXXX). */
function escapeCodePoint(code: number): string {
  if (code === 0x0a) return '\\n';
  if (code === 0x0d) return '\\r';
  if (code === 0x09) return '\\t';
  if (code <= 0xff) return `\\x${hex(code, 2)}`;
  if (code <= 0xffff) return `\\u${hex(code, 4)}`;
  return `\\U${hex(code, 8)}`;
}

// Python's str.isprintable(): letters, marks, numbers, punctuation, symbols and the plain space.
// Controls, format characters (bidi overrides, BOM), line and paragraph separators, private-use,
// unassigned code points (U+FFFE) and surrogates are not printable, so they are always escaped.
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/**
 * The body of a double-quoted string literal (without the quotes): printable ASCII as is, `\` and
 * `"` escaped, everything else as an escape. `keepPrintable` keeps printable non-ASCII letters
 * (é, β) readable; used only for docstrings, which people read.
 */
function literalBody(text: string, keepPrintable: boolean): string {
  let out = '';
  // for..of walks code points: a pair of surrogates is one character, a lone one stays alone.
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (code >= 0x20 && code < 0x7f) out += ch;
    else if (keepPrintable && code > 0x7f && PRINTABLE.test(ch)) out += ch;
    else out += escapeCodePoint(code);
  }
  return out;
}

/** A double-quoted Python str literal that evaluates to exactly `text`, in pure ASCII. */
export const pyString = (text: string): string => `"${literalBody(text, false)}"`;

/**
 * Text for one line inside a `"""` docstring: it evaluates to `text`, never closes the
 * docstring (every `"` is escaped) and never breaks the line (newlines become `\n`).
 */
export const pyDocText = (text: string): string => literalBody(text, true);

/**
 * A one-line `# ` comment showing `text`: a newline in it is written as `\n`, so nothing after
 * it becomes code. Prefer a string literal for names; this is for notes that must be comments.
 */
export const pyComment = (text: string): string => `# ${literalBody(text, true)}`;

/** Hard and soft keywords: a variable with one of these names is a syntax error or confusing. */
export const PY_KEYWORDS: ReadonlySet<string> = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except ' +
    'finally for from global if import in is lambda nonlocal not or pass raise return try while ' +
    'with yield match case type _'
  ).split(' '),
);

/** The builtins a generated script (or its custom layers) may call: never shadow them. */
export const PY_BUILTINS: ReadonlySet<string> = new Set(
  (
    'abs aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr classmethod ' +
    'compile complex copyright credits delattr dict dir divmod enumerate eval exec exit filter ' +
    'float format frozenset getattr globals hasattr hash help hex id input int isinstance ' +
    'issubclass iter len license list locals map max memoryview min next object oct open ord pow ' +
    'print property quit range repr reversed round set setattr slice sorted staticmethod str sum ' +
    'super tuple type vars zip'
  ).split(' '),
);

/**
 * A Python identifier from any name: [A-Za-z_][A-Za-z0-9_]*, never a keyword, never a dunder
 * (a module-level `__builtins__` would change what every later name means).
 */
export function pyIdentifier(name: string, prefix = 'v'): string {
  const id = name.replace(/[^A-Za-z0-9_]/g, '_');
  if (/^[A-Za-z]/.test(id) && !PY_KEYWORDS.has(id)) return id;
  return `${prefix}_${id}`.replace(/^_+/, '');
}

/**
 * Hands out identifiers: each valid, unique, and none of `reserved` (names the script itself
 * defines or calls) or the builtins.
 */
export function pyIdentifierAllocator(
  reserved: Iterable<string>,
  prefix = 'v',
): (wanted: string) => string {
  const used = new Set([...PY_BUILTINS, ...reserved]);
  return (wanted) => {
    const base = pyIdentifier(wanted, prefix);
    let name = used.has(base) ? `${base}_out` : base;
    for (let i = 2; used.has(name); i++) name = `${base}_${i}`;
    used.add(name);
    return name;
  };
}
