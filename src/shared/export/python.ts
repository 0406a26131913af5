/** Writing Python source text: literals and names that are always valid Python. */

const KEYWORDS = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except ' +
    'finally for from global if import in is lambda nonlocal not or pass raise return try while ' +
    'with yield match case type'
  ).split(' '),
);
/** Names the script itself uses, which a layer variable must not shadow. */
const TAKEN = new Set([
  'np',
  'tf',
  'keras',
  'layers',
  'inputs',
  'outputs',
  'autoencoder',
  'encoder',
  'x_train',
  'y_train',
  'history',
  'print',
  'input',
  'range',
  'len',
  'sum',
  'min',
  'max',
  'abs',
  'list',
  'dict',
  'set',
  'id',
]);

/** A Python identifier from a Keras layer name (already snake_case), never a keyword. */
export function pyIdent(name: string): string {
  const id = name.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z_]/.test(id) && !KEYWORDS.has(id) ? id : `layer_${id}`;
}

/** Hands out variable names: each unique, none shadowing what the script itself uses. */
export function nameAllocator(): (wanted: string) => string {
  const used = new Set(TAKEN);
  return (wanted) => {
    let name = pyIdent(wanted);
    if (used.has(name)) name = `${name}_out`;
    for (let i = 2; used.has(name); i++) name = `${pyIdent(wanted)}_${i}`;
    used.add(name);
    return name;
  };
}

/** A JSON-like value as a Python literal: true -> True, null -> None, arrays -> tuples. */
export function pyValue(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      return value > 0 ? 'float("inf")' : value < 0 ? '-float("inf")' : 'float("nan")';
    return String(value);
  }
  // JSON string escapes are valid Python string escapes.
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) {
    const items = value.map(pyValue);
    return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
  }
  const entries = Object.entries(value as Record<string, unknown>).map(
    ([k, v]) => `${JSON.stringify(k)}: ${pyValue(v)}`,
  );
  return `{${entries.join(', ')}}`;
}

/** keyword=value arguments, skipping undefined ones. */
export const pyKwargs = (args: Record<string, unknown>): string[] =>
  Object.entries(args)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${pyValue(v)}`);

/** A call that wraps its arguments over lines when it grows past the line width. */
export function pyCall(callee: string, args: string[], indent = '', width = 96): string {
  const flat = `${callee}(${args.join(', ')})`;
  if (indent.length + flat.length <= width) return flat;
  return `${callee}(\n${args.map((a) => `${indent}    ${a},`).join('\n')}\n${indent})`;
}
