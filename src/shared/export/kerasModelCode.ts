/** The Python lines that build one compiled model with the Keras functional API. */
import type { KerasLayerSpec, KerasModelSpec } from '../compiler';
import { PY_CUSTOM_LAYERS, PY_LINKED_LAYERS } from './kerasLayers';
import { pyCall, pyKwargs, pyValue } from './python';

const side = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const activationArg = (a: unknown) => (a === 'linear' || a === undefined ? undefined : a);

/**
 * The kernel_initializer argument from a layer's Keras config (the shared initializer contract);
 * Glorot uniform, Keras' own default, is left out.
 */
export function initializerArg(init: unknown): string[] {
  if (!init || typeof init !== 'object') return [];
  const { class_name: name, config } = init as {
    class_name?: string;
    config?: Record<string, unknown>;
  };
  switch (name) {
    case 'HeNormal':
      return ['kernel_initializer=keras.initializers.HeNormal()'];
    case 'RandomNormal':
      return [
        `kernel_initializer=${pyCall('keras.initializers.RandomNormal', pyKwargs({ mean: config?.mean ?? 0, stddev: config?.stddev ?? 0.05 }))}`,
      ];
    case 'Zeros':
      return ['kernel_initializer="zeros"'];
    default:
      return [];
  }
}

/** The constructor of a layer: class and arguments (without name and trainable). */
function constructorOf(
  layer: KerasLayerSpec,
  objectVar: (name: string) => string,
): [string, string[]] | null {
  const c = layer.config;
  switch (layer.class_name) {
    case 'Dense':
      return [
        'layers.Dense',
        [
          pyValue(c.units),
          ...pyKwargs({
            activation: activationArg(c.activation),
            use_bias: c.use_bias === false ? false : undefined,
          }),
          ...initializerArg(c.kernel_initializer),
        ],
      ];
    case 'TiedDense':
      return [
        'TiedDense',
        [
          objectVar(c.partner as string),
          ...pyKwargs({
            units: c.units,
            activation: activationArg(c.activation),
            use_bias: c.use_bias === false ? false : undefined,
          }),
        ],
      ];
    case 'Activation':
      return ['layers.Activation', [pyValue(c.activation)]];
    case 'Dropout':
      return ['layers.Dropout', [pyValue(c.rate)]];
    case 'GaussianNoise':
      return ['layers.GaussianNoise', [pyValue(c.stddev)]];
    case 'MaskingNoise':
    case 'SaltAndPepperNoise':
      return [layer.class_name, pyKwargs({ rate: c.rate })];
    case 'BatchNormalization':
      return ['layers.BatchNormalization', pyKwargs({ momentum: c.momentum, epsilon: c.epsilon })];
    case 'Flatten':
      return ['layers.Flatten', []];
    case 'Reshape':
      return ['layers.Reshape', [pyValue(c.target_shape)]];
    case 'Conv2D':
    case 'Conv2DTranspose':
      return [
        `layers.${layer.class_name}`,
        [
          pyValue(c.filters),
          pyValue(side(c.kernel_size)),
          ...pyKwargs({
            strides: side(c.strides) === 1 ? undefined : side(c.strides),
            padding: c.padding,
            activation: activationArg(c.activation),
          }),
          ...initializerArg(c.kernel_initializer),
        ],
      ];
    case 'MaxPooling2D':
      return [
        'layers.MaxPooling2D',
        [
          pyValue(side(c.pool_size)),
          ...pyKwargs({ padding: c.padding === 'valid' ? undefined : c.padding }),
        ],
      ];
    case 'UpSampling2D':
      return ['layers.UpSampling2D', [pyValue(side(c.size))]];
    case 'Code':
      return [
        'Code',
        pyKwargs({
          sparsity: c.sparsity === 'none' ? undefined : c.sparsity,
          sparsity_weight: c.sparsity === 'none' ? undefined : c.sparsity_weight,
          target_rate: c.sparsity === 'kl' ? c.target_rate : undefined,
          contractive_weight:
            (c.contractive_weight as number) > 0 ? c.contractive_weight : undefined,
        }),
      ];
    case 'Sampling':
      return ['Sampling', pyKwargs({ beta: c.beta })];
    default:
      return null;
  }
}

/** The layers another layer refers to as an object (a tied partner, a contractive code's Dense). */
function referencedLayers(spec: KerasModelSpec): Map<string, string> {
  const refs = new Map<string, string>();
  for (const layer of spec.config.layers) {
    if (layer.class_name === 'TiedDense') refs.set(layer.config.partner as string, '');
    if (layer.class_name === 'Code' && (layer.config.contractive_weight as number) > 0) {
      const source = spec.config.layers.find((l) => l.name === layer.inbound_nodes[0]?.[0]?.[0]);
      if (source?.class_name === 'Dense') refs.set(source.name, String(source.config.activation));
    }
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
  spec.config.layers.some((l) => PY_LINKED_LAYERS.has(l.class_name));

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
  const objects = new Map([...refs.keys()].map((name) => [name, alloc(`${name}_layer`)]));
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
    const ctor = constructorOf(layer, objectVar);
    if (!ctor) return { ok: false, layer };
    if (PY_CUSTOM_LAYERS[layer.class_name]) used.add(layer.class_name);
    const [callee, args] = ctor;
    if (layer.class_name === 'Code' && (layer.config.contractive_weight as number) > 0) {
      const source = layer.inbound_nodes[0][0][0];
      if (refs.has(source))
        args.push(`dense=${objectVar(source)}`, `dense_activation=${pyValue(refs.get(source))}`);
    }
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
