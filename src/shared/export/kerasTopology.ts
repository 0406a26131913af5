/**
 * Reads the layers of a Keras model JSON in its dialects: Keras 2 and tfjs functional models
 * (inbound_nodes as [[name, node, tensor, kwargs]]), Keras 3 (inbound_nodes as {args: [...]}) and
 * Sequential models (a plain chain). Every part is checked by a schema; anything unreadable is a
 * Result naming the layer, never an exception.
 */
import { z } from 'zod';
import { fail, ok, type Result } from '../contract/result';

export interface TopologyLayer {
  className: string;
  name: string;
  config: Record<string, unknown>;
  /** The names of the layers feeding it, in call order. */
  inputs: string[];
}

export interface Topology {
  layers: TopologyLayer[];
  outputs: string[];
}

type Raw = Record<string, unknown>;
const isRecord = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Matches the graph's node id limit, so a name the file gives fits a node. */
const nameSchema = z.string().min(1).max(200);
const MAX_LAYERS = 5000;
const layerSchema = z.object({
  class_name: z.string().min(1).max(200),
  name: z.unknown().optional(),
  config: z.record(z.string(), z.unknown()),
  inbound_nodes: z.array(z.unknown()).max(1000).optional(),
});
/** Keras 2 / tfjs: one call is a list of [layer name, node index, tensor index, kwargs?]. */
const keras2CallSchema = z.array(z.union([nameSchema, z.tuple([nameSchema], z.unknown())]));
/** Keras 3: one call is {args, kwargs}; tensors inside args carry keras_history. */
const keras3CallSchema = z.object({ args: z.array(z.unknown()), kwargs: z.unknown().optional() });
const kerasTensorSchema = z.object({
  class_name: z.literal('__keras_tensor__'),
  config: z.object({ keras_history: z.tuple([nameSchema], z.unknown()) }),
});
const outputRefSchema = z.tuple([nameSchema], z.unknown());
const outputLayersSchema = z.union([z.array(outputRefSchema).min(1), outputRefSchema]);

const unreadable = (message: string) => fail<never>('E_MODEL_FILE', message);

/** The model config inside a model.json, an H5-style {model_config}, or a bare Keras config. */
export function findModelConfig(
  json: unknown,
  depth = 0,
): { className: string; config: unknown; trainingConfig: unknown } | null {
  // Real files wrap at most twice (modelTopology > model_config); more is not a model.
  if (!isRecord(json) || depth > 3) return null;
  if (isRecord(json.modelTopology)) {
    const inner = findModelConfig(json.modelTopology, depth + 1);
    return inner ? { ...inner, trainingConfig: json.trainingConfig ?? inner.trainingConfig } : null;
  }
  if (isRecord(json.model_config)) {
    const inner = findModelConfig(json.model_config, depth + 1);
    return inner
      ? { ...inner, trainingConfig: json.training_config ?? inner.trainingConfig }
      : null;
  }
  if (typeof json.class_name === 'string' && 'config' in json) {
    return {
      className: json.class_name,
      config: json.config,
      trainingConfig: json.training_config ?? null,
    };
  }
  return null;
}

/** The source layer names of one Keras 3 call argument (a tensor or a list of tensors). */
function keras3Sources(arg: unknown, out: string[]): boolean {
  if (Array.isArray(arg)) return arg.every((a) => keras3Sources(a, out));
  if (isRecord(arg) && arg.class_name === '__keras_tensor__') {
    const tensor = kerasTensorSchema.safeParse(arg);
    if (!tensor.success) return false;
    out.push(tensor.data.config.keras_history[0]);
  }
  return true;
}

/** The inputs of a layer's only call; a message when unreadable or called more than once. */
function inboundOf(name: string, inbound: unknown[] | undefined): Result<string[]> {
  if (!inbound || inbound.length === 0) return ok([]);
  if (inbound.length > 1)
    return fail(
      'E_INVALID_GRAPH',
      `The layer '${name}' is used more than once; the app cannot show a shared layer.`,
    );
  const keras2 = keras2CallSchema.safeParse(inbound[0]);
  if (keras2.success) return ok(keras2.data.map((n) => (typeof n === 'string' ? n : n[0])));
  const keras3 = keras3CallSchema.safeParse(inbound[0]);
  const sources: string[] = [];
  if (keras3.success && keras3Sources(keras3.data.args, sources)) return ok(sources);
  return unreadable(`The layer '${name}' has unreadable inputs (inbound_nodes).`);
}

/** One raw layer, checked, with its name from the layer or its config. */
function readLayer(
  raw: unknown,
  index: number,
): Result<Omit<TopologyLayer, 'inputs'> & { inbound?: unknown[] }> {
  const rawName = isRecord(raw)
    ? (raw.name ?? (isRecord(raw.config) ? raw.config.name : undefined))
    : undefined;
  const name = nameSchema.safeParse(rawName);
  if (!name.success)
    return unreadable(`Layer number ${index + 1} of the model has no readable name.`);
  const layer = layerSchema.safeParse(raw);
  if (!layer.success)
    return unreadable(
      `The layer '${name.data}' is unreadable: it needs a class_name and a config.`,
    );
  const { class_name, config, inbound_nodes } = layer.data;
  return ok({ className: class_name, name: name.data, config, inbound: inbound_nodes });
}

/** A Sequential model: a chain, with the Input Keras 2 implies from the first layer's shape. */
function readSequential(rawLayers: unknown[]): Result<Topology> {
  const read: ReturnType<typeof readLayer>[] = rawLayers.map(readLayer);
  const names = new Set<string>();
  for (const r of read) if (r.ok) names.add(r.value.name);
  // The Input Keras implies gets a name no layer of the file uses.
  let inputName = 'input';
  for (let i = 2; names.has(inputName); i++) inputName = `input_${i}`;
  const layers: TopologyLayer[] = [];
  let previous: string | null = null;
  for (const layer of read) {
    if (!layer.ok) return layer;
    const { className, name, config } = layer.value;
    const shape = config.batch_input_shape ?? config.batch_shape;
    if (previous === null && className !== 'InputLayer' && shape !== undefined) {
      layers.push({
        className: 'InputLayer',
        name: inputName,
        config: { batch_input_shape: shape },
        inputs: [],
      });
      previous = inputName;
    }
    layers.push({ className, name, config, inputs: previous === null ? [] : [previous] });
    previous = name;
  }
  if (layers[0]?.className !== 'InputLayer')
    return fail('E_MODEL_FILE', 'The model does not say what shape its input has.');
  return ok({ layers, outputs: [previous!] });
}

/** The layers in file order, each with its inputs; a named error when the structure is unreadable. */
export function readTopology(className: string, config: unknown): Result<Topology> {
  const rawLayers = Array.isArray(config) ? config : isRecord(config) ? config.layers : null;
  if (!Array.isArray(rawLayers)) return unreadable('The model has no readable list of layers.');
  if (rawLayers.length === 0) return unreadable('The file describes no layers.');
  if (rawLayers.length > MAX_LAYERS)
    return fail(
      'E_TOO_LARGE',
      `The model has ${rawLayers.length} layers; the app opens up to ${MAX_LAYERS}.`,
    );
  if (className === 'Sequential') return readSequential(rawLayers);
  const layers: TopologyLayer[] = [];
  for (const [i, raw] of rawLayers.entries()) {
    const layer = readLayer(raw, i);
    if (!layer.ok) return layer;
    const inputs = inboundOf(layer.value.name, layer.value.inbound);
    if (!inputs.ok) return inputs;
    const { className: kind, name, config: c } = layer.value;
    layers.push({ className: kind, name, config: c, inputs: inputs.value });
  }
  const rawOutputs = isRecord(config) ? config.output_layers : undefined;
  if (rawOutputs === undefined) return ok({ layers, outputs: [layers[layers.length - 1].name] });
  const outs = outputLayersSchema.safeParse(rawOutputs);
  if (!outs.success) return unreadable("The model's list of output layers is unreadable.");
  const refs = Array.isArray(outs.data[0]) ? (outs.data as [string][]) : [outs.data as [string]];
  return ok({ layers, outputs: refs.map((r) => r[0]) });
}
