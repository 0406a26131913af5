/** Writing Python source text: literals and names that are always valid Python. */
import { pyIdentifierAllocator, pyString } from '../escape/python';
import { LAYER_DESCRIPTORS, NODE_KINDS } from '../layers/registry';

/** Names the script itself defines or uses, which a layer variable must not shadow. */
const TAKEN = [
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
  'os',
  'pretrain',
  'make_optimizer',
  'train',
  'phase_model',
  'zero_head',
  'load_trained_weights',
  'WEIGHTS_FILE',
  'TRAINED_WEIGHTS',
  'TRAIN_FURTHER',
  // The strategy part and the main part's quick check (keras.ts).
  'argparse',
  'STRATEGIES',
  'run_options',
  'make_strategy',
  'RUN',
  'STRATEGY',
  'QUICK',
  // Defined by the custom layers (kerasLayers.ts) and called while the model trains.
  'activation_slope',
  'keep_untracked',
  'link_layers',
  'StudioModel',
];

/** The app's own Keras classes, which the script defines (asked when a script is written). */
const customClasses = (): string[] =>
  NODE_KINDS.flatMap((k) => {
    const binding = LAYER_DESCRIPTORS[k].kerasClass;
    return binding?.pythonClass ? [binding.className] : [];
  });

/** Hands out variable names: each unique, none shadowing what the script itself uses. */
export const nameAllocator = (): ((wanted: string) => string) =>
  pyIdentifierAllocator([...TAKEN, ...customClasses()], 'layer');

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
  if (typeof value === 'string') return pyString(value);
  if (Array.isArray(value)) {
    const items = value.map(pyValue);
    return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
  }
  const entries = Object.entries(value as Record<string, unknown>).map(
    ([k, v]) => `${pyString(k)}: ${pyValue(v)}`,
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
