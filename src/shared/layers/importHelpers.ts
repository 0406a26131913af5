/**
 * What the kinds' import mappings share: reading a saved layer's settings without trusting them.
 * A file's values are any JSON; each reader turns a wrong one into NaN or a message, never a throw.
 */
import type { NodeKind, ParamValue } from '../graph/document';
import type { KerasImport, KerasTopologyLayer } from './bindingTypes';
import { ACTIVATIONS, initializerFromKeras } from './params';

/** A config value under its Keras (snake_case) or tfjs (camelCase) key. */
export const pick = (c: Record<string, unknown>, snake: string): unknown => {
  const camel = snake.replace(/_([a-z])/g, (_m, ch: string) => ch.toUpperCase());
  return c[snake] ?? c[camel];
};

/** A number from the file; anything else is NaN, which the param check then names. */
export const num = (v: unknown): number =>
  typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;

/** A string from the file without calling a hostile object's toString. */
export const str = (v: unknown, fallback = ''): string =>
  typeof v === 'string'
    ? v
    : typeof v === 'number' || typeof v === 'boolean'
      ? `${v}`
      : v == null
        ? fallback
        : '(unreadable)';

/** A square window's side from a file: [3, 3] or 3. */
export const sideOf = (v: unknown): number => num(Array.isArray(v) ? v[0] : v);
export const isSquare = (v: unknown) => !Array.isArray(v) || v.every((x) => x === v[0]);
const isSize = (v: unknown) => Number.isInteger(v) && (v as number) >= 0 && (v as number) < 2 ** 31;

/** A list of sizes, or null when the value is not one (a string, nulls, fractions, negatives). */
export function sizes(v: unknown, skipFirst: boolean): number[] | null {
  if (!Array.isArray(v) || v.length > 9) return null;
  const rest = skipFirst ? v.slice(1) : v;
  if (skipFirst && (v.length === 0 || (v[0] !== null && !isSize(v[0])))) return null;
  return rest.every(isSize) ? (rest as number[]) : null;
}

export const unreadableSetting = (layer: KerasTopologyLayer, what: string): KerasImport => ({
  ok: false,
  unreadable: true,
  message: `The layer '${layer.name}' (${layer.className}) has an unreadable ${what}.`,
});

export const cannotShow = (layer: KerasTopologyLayer, what: string): KerasImport => ({
  ok: false,
  message: `The layer '${layer.name}' (${layer.className}) uses ${what}, which the app cannot show.`,
});

/** The Keras activation name, if the app has it (softmax only as a classifier's). */
export function activationOf(layer: KerasTopologyLayer): string | { error: string } {
  const raw = pick(layer.config, 'activation') ?? 'linear';
  const name =
    typeof raw === 'string' ? raw : str((raw as { class_name?: unknown }).class_name ?? raw);
  const known =
    name === 'softmax' ? name : (ACTIVATIONS as readonly string[]).find((a) => a === name);
  return (
    known ?? {
      error: `The layer '${layer.name}' uses the activation '${name}', which the app does not have.`,
    }
  );
}

/** A node of `kind` with the layer's activation added to `params`. */
export function activated(
  layer: KerasTopologyLayer,
  kind: NodeKind,
  params: Record<string, ParamValue>,
): KerasImport {
  const a = activationOf(layer);
  if (typeof a !== 'string') return { ok: false, message: a.error };
  if (a === 'softmax') return cannotShow(layer, 'softmax outside a final classifier layer');
  return { ok: true, kind, params: { ...params, activation: a } };
}

/**
 * The kernel initializer params of a layer with a kernel. One the app has no choice for (Keras'
 * he_uniform, say) opens as Glorot uniform: the file's weights are loaded anyway, and only a
 * fresh start of training would differ.
 */
export const kernelParams = (layer: KerasTopologyLayer): Record<string, ParamValue> =>
  initializerFromKeras(pick(layer.config, 'kernel_initializer')) ??
  initializerFromKeras(undefined)!;
