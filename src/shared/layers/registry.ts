/// <reference types="vite/client" />
import type { NodeKind } from '../graph/document';
import type { LayerDescriptor } from './types';

/**
 * Every descriptor file in kinds/, found by the bundler (Vite, and Vitest in the tests): adding a
 * kind is adding its file. Its test cases beside it (*.cases.ts, *.test.ts) are left out.
 */
const modules = import.meta.glob<{ descriptor: LayerDescriptor }>(
  ['./kinds/*.ts', '!./kinds/*.test.ts', '!./kinds/*.cases.ts'],
  { eager: true },
);

const found = Object.entries(modules)
  .map(([path, m]) => {
    if (!m.descriptor) throw new Error(`${path} does not export a layer descriptor.`);
    return m.descriptor;
  })
  .sort((a, b) => a.order - b.order || a.kind.localeCompare(b.kind));

/** One descriptor per node kind, in palette order. */
export const LAYER_DESCRIPTORS: Readonly<Record<NodeKind, LayerDescriptor>> = Object.freeze(
  Object.fromEntries(found.map((d) => [d.kind, d])) as Record<NodeKind, LayerDescriptor>,
);

/** Every node kind, in palette order. */
export const NODE_KINDS: readonly NodeKind[] = Object.freeze(found.map((d) => d.kind));

/** True for a kind this app has (a file's kind is checked with this before it is trusted). */
export const isNodeKind = (value: unknown): value is NodeKind =>
  typeof value === 'string' && Object.hasOwn(LAYER_DESCRIPTORS, value);

/** The descriptor that owns a Keras class (a softmax Dense is Dense's: ClassifierHead owns none). */
export function descriptorOfClass(className: string): LayerDescriptor | undefined {
  return found.find((d) => d.kerasClass?.className === className);
}

/** A layer class that corrupts its input while training (noise, dropout). */
export const isNoiseClass = (className: string): boolean =>
  descriptorOfClass(className)?.kerasClass?.noise === true;

/**
 * A layer class that, outside training, passes its first input on (noise, penalties, sampling);
 * with its config, false for one that still acts at inference (a code keeping its top k).
 */
export const isTrainingOnlyClass = (
  className: string,
  config?: Record<string, unknown>,
): boolean => {
  const binding = descriptorOfClass(className)?.kerasClass;
  if (binding?.inference !== 'passFirst') return false;
  return !(config && binding.keepsAtInference?.(config));
};

/** One of the app's own layer classes, which stock Keras and tfjs lack. */
export const isCustomClass = (className: string): boolean =>
  descriptorOfClass(className)?.kerasClass?.pythonClass !== undefined;
