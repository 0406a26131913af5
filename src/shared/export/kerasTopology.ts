/**
 * Reads the layers of a Keras model JSON in its dialects: Keras 2 and tfjs functional models
 * (inbound_nodes as [[name, node, tensor, kwargs]]), Keras 3 (inbound_nodes as {args: [...]}) and
 * Sequential models (a plain chain). Pure and tolerant: anything unreadable becomes a message.
 */

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

/** The model config inside a model.json, an H5-style {model_config}, or a bare Keras config. */
export function findModelConfig(
  json: unknown,
): { className: string; config: unknown; trainingConfig: unknown } | null {
  if (!isRecord(json)) return null;
  if (isRecord(json.modelTopology)) {
    const inner = findModelConfig(json.modelTopology);
    return inner ? { ...inner, trainingConfig: json.trainingConfig ?? inner.trainingConfig } : null;
  }
  if (isRecord(json.model_config)) {
    const inner = findModelConfig(json.model_config);
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
function keras3Sources(arg: unknown): string[] {
  if (Array.isArray(arg)) return arg.flatMap(keras3Sources);
  if (isRecord(arg) && isRecord(arg.config) && Array.isArray(arg.config.keras_history)) {
    return [String(arg.config.keras_history[0])];
  }
  return [];
}

/** The inputs of a layer's first call; null when the layer is called more than once. */
function inboundOf(inbound: unknown): string[] | null {
  if (!Array.isArray(inbound) || inbound.length === 0) return [];
  if (inbound.length > 1) return null;
  const call = inbound[0];
  if (Array.isArray(call)) return call.map((n) => String(Array.isArray(n) ? n[0] : n));
  if (isRecord(call)) return keras3Sources(call.args);
  return [];
}

const layerName = (l: Raw): string =>
  String(l.name ?? (isRecord(l.config) ? l.config.name : '') ?? '');

/** The layers in file order, each with its inputs; a message when the structure is unreadable. */
export function readTopology(className: string, config: unknown): Topology | string {
  const rawLayers = Array.isArray(config) ? config : isRecord(config) ? config.layers : null;
  if (!Array.isArray(rawLayers) || rawLayers.length === 0) return 'The file describes no layers.';
  const layers: TopologyLayer[] = [];
  if (className === 'Sequential') {
    let previous: string | null = null;
    for (const raw of rawLayers) {
      if (!isRecord(raw) || typeof raw.class_name !== 'string')
        return 'A layer of the model is unreadable.';
      const cfg = isRecord(raw.config) ? raw.config : {};
      const name = layerName(raw);
      const shape = cfg.batch_input_shape ?? cfg.batch_shape;
      if (previous === null && raw.class_name !== 'InputLayer' && Array.isArray(shape)) {
        layers.push({
          className: 'InputLayer',
          name: 'input',
          config: { batch_input_shape: shape },
          inputs: [],
        });
        previous = 'input';
      }
      layers.push({
        className: raw.class_name,
        name,
        config: cfg,
        inputs: previous === null ? [] : [previous],
      });
      previous = name;
    }
    if (layers[0]?.className !== 'InputLayer')
      return 'The model does not say what shape its input has.';
    return { layers, outputs: [previous!] };
  }
  for (const raw of rawLayers) {
    if (!isRecord(raw) || typeof raw.class_name !== 'string')
      return 'A layer of the model is unreadable.';
    const name = layerName(raw);
    const inputs = inboundOf(raw.inbound_nodes);
    if (inputs === null)
      return `The layer '${name}' is used more than once; the app cannot show a shared layer.`;
    layers.push({
      className: raw.class_name,
      name,
      config: isRecord(raw.config) ? raw.config : {},
      inputs,
    });
  }
  const outs = isRecord(config) ? config.output_layers : null;
  const outputs = Array.isArray(outs)
    ? (Array.isArray(outs[0]) ? outs : [outs]).map((o) => String((o as unknown[])[0]))
    : [layers[layers.length - 1].name];
  return { layers, outputs };
}
