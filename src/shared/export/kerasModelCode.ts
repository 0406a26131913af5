/**
 * The Python lines that build one compiled model with the Keras functional API; each layer's call
 * is its kind's (src/shared/layers/kinds).
 */
import type { KerasLayerSpec, KerasModelSpec } from '../compiler';
import { descriptorOfClass } from '../layers/registry';
import type { KerasClassBinding } from '../layers/types';
import { pyCall, pyValue } from './python';

/** The descriptor binding of a layer's Keras class; every class the compiler emits has one. */
function bindingOf(layer: KerasLayerSpec): KerasClassBinding | undefined {
  return descriptorOfClass(layer.class_name)?.kerasClass;
}

/** The layers another layer refers to as an object (a tied partner, a contractive code's Dense). */
function referencedLayers(spec: KerasModelSpec): Set<string> {
  const byName = new Map(spec.config.layers.map((l) => [l.name, l]));
  const refs = new Set<string>();
  for (const layer of spec.config.layers) {
    const sourceOf = (k: number) => byName.get(layer.inbound_nodes[0]?.[k]?.[0] ?? '');
    for (const name of bindingOf(layer)?.references?.(layer, sourceOf) ?? []) refs.add(name);
  }
  return refs;
}

export interface ModelCode {
  lines: string[];
  /** The app's own layer classes the model uses. */
  used: Set<string>;
  /** The Python variable of each layer's output tensor. */
  tensors: Map<string, string>;
  /** The model's input shape, without the batch dimension. */
  inputShape: number[];
}

/** True when the model has a layer that must be linked to another after loading. */
export const needsLinking = (spec: KerasModelSpec): boolean =>
  spec.config.layers.some((l) => bindingOf(l)?.linked === true);

/**
 * The lines that build `spec` layer by layer, the graph's layer names kept; `alloc` hands out
 * variable names (shared by all models of one script), `inputVar` names the input tensor.
 */
export function modelCode(
  spec: KerasModelSpec,
  alloc: (wanted: string) => string,
  inputVar: string,
): { ok: true; code: ModelCode } | { ok: false; layer: KerasLayerSpec } {
  const tensors = new Map<string, string>();
  const refs = referencedLayers(spec);
  const byName = new Map(spec.config.layers.map((l) => [l.name, l]));
  const objects = new Map([...refs].map((name) => [name, alloc(`${name}_layer`)]));
  const objectVar = (name: string) => objects.get(name)!;
  const lines: string[] = [];
  const used = new Set<string>();
  let inputShape: number[] = [];
  for (const layer of spec.config.layers) {
    if (layer.class_name === 'InputLayer') {
      inputShape = (layer.config.batch_input_shape as number[]).slice(1);
      lines.push(
        `${inputVar} = keras.Input(shape=${pyValue(inputShape)}, name=${pyValue(layer.name)})`,
      );
      tensors.set(layer.name, inputVar);
      continue;
    }
    const v = alloc(layer.name);
    tensors.set(layer.name, v);
    const binding = bindingOf(layer);
    if (!binding) return { ok: false, layer };
    if (binding.pythonClass) used.add(layer.class_name);
    const sourceOf = (k: number) => byName.get(layer.inbound_nodes[0]?.[k]?.[0] ?? '');
    const [callee, args] = binding.python({ layer, objectVar, sourceOf });
    args.push(`name=${pyValue(layer.name)}`);
    if (layer.config.trainable === false) args.push('trainable=False');
    const sources = (layer.inbound_nodes[0] ?? []).map(([name]) => tensors.get(name)!);
    const input = sources.length === 1 ? sources[0] : `[${sources.join(', ')}]`;
    if (refs.has(layer.name)) {
      lines.push(`${objectVar(layer.name)} = ${pyCall(callee, args)}`);
      lines.push(`${v} = ${objectVar(layer.name)}(${input})`);
    } else {
      lines.push(`${v} = ${pyCall(callee, args)}(${input})`);
    }
  }
  return { ok: true, code: { lines, used, tensors, inputShape } };
}
