import { fail, ok, type Result } from '../contract/result';
import {
  GRAPH_VERSION,
  graphDocumentSchema,
  type GraphDocument,
  type GraphEdge,
  type GraphNode,
} from '../graph/document';
import { LAYER_DESCRIPTORS } from '../layers/registry';
import { findModelConfig, readTopology, type TopologyLayer } from './kerasTopology';
import { importLayer } from './layerImport';
import { restoreStudioNames } from './restoreNames';

export interface ImportedWeight {
  shape: number[];
  values: Float32Array;
}

export interface ImportedModel {
  graph: GraphDocument;
  /** The model's weights by their saved names ("encoder_1/kernel"); empty when the file had none. */
  weights: Record<string, ImportedWeight>;
  /** The graph node each layer became. */
  nodeOfLayer: Record<string, string>;
}

/** The weights beside a model.json: its manifest and the bytes of its weight files, concatenated. */
export interface WeightFiles {
  manifest: unknown;
  data: ArrayBuffer;
}

const LOSSES: Record<string, string> = {
  mse: 'mse',
  mean_squared_error: 'mse',
  meanSquaredError: 'mse',
  binary_crossentropy: 'binaryCrossentropy',
  binaryCrossentropy: 'binaryCrossentropy',
  categorical_crossentropy: 'categoricalCrossentropy',
  categoricalCrossentropy: 'categoricalCrossentropy',
};

const X0 = 40;
const DX = 200;
const Y0 = 200;
const DY = 110;

/** "encoder_1" -> "encoder 1": the name a person sees on the canvas. */
const humanName = (layerName: string) => layerName.replace(/_+/g, ' ').trim() || layerName;

/** The loss the Output node uses: the file's training config, else a guess from the last layer. */
function lossOf(trainingConfig: unknown, last: GraphNode): string {
  const raw = (trainingConfig as { loss?: unknown } | null)?.loss;
  const name = typeof raw === 'string' ? raw : (raw as { class_name?: string } | null)?.class_name;
  if (name && LOSSES[name]) return LOSSES[name];
  if (last.kind === 'ClassifierHead') return 'categoricalCrossentropy';
  return last.params.activation === 'sigmoid' ? 'binaryCrossentropy' : 'mse';
}

/** Columns by longest path, rows for side branches: a readable canvas without the user's layout. */
function autoPositions(layers: TopologyLayer[]): Map<string, { x: number; y: number }> {
  const column = new Map<string, number>();
  const rowsUsed = new Map<number, number>();
  const out = new Map<string, { x: number; y: number }>();
  for (const l of layers) {
    const c = l.inputs.length === 0 ? 0 : Math.max(...l.inputs.map((s) => column.get(s) ?? 0)) + 1;
    column.set(l.name, c);
    const k = rowsUsed.get(c) ?? 0;
    rowsUsed.set(c, k + 1);
    // 0, 1, -1, 2, -2...: branches spread around the main line.
    const row = k === 0 ? 0 : k % 2 === 1 ? (k + 1) / 2 : -k / 2;
    out.set(l.name, { x: X0 + c * DX, y: Y0 + row * DY });
  }
  return out;
}

/** Splits the weight bytes by the manifest, in its order; float32 only. */
function readWeights(files: WeightFiles): Result<Record<string, ImportedWeight>> {
  const groups = Array.isArray(files.manifest) ? files.manifest : [];
  const weights: Record<string, ImportedWeight> = {};
  let offset = 0;
  for (const group of groups) {
    for (const w of (group as { weights?: unknown[] }).weights ?? []) {
      const spec = w as { name: string; shape: number[]; dtype?: string; quantization?: unknown };
      if ((spec.dtype ?? 'float32') !== 'float32' || spec.quantization) {
        return fail(
          'E_DATA',
          `The weight '${spec.name}' is stored as ${spec.quantization ? 'quantized numbers' : spec.dtype}; the app reads only float32 weights.`,
        );
      }
      const count = spec.shape.reduce((a, b) => a * b, 1);
      if (offset + count * 4 > files.data.byteLength) {
        return fail(
          'E_DATA',
          'The weight files are shorter than the model says: a file is missing or damaged.',
        );
      }
      weights[spec.name] = {
        shape: [...spec.shape],
        values: new Float32Array(files.data.slice(offset, offset + count * 4)),
      };
      offset += count * 4;
    }
  }
  return ok(weights);
}

/**
 * A Keras or TensorFlow.js layers-model JSON as an editable graph (auto positions), with its
 * weights when given. All or nothing: any layer the app lacks refuses the whole import.
 */
export function importLayersModel(
  json: unknown,
  weightFiles: WeightFiles | null = null,
): Result<ImportedModel> {
  const found = findModelConfig(json);
  if (!found)
    return fail(
      'E_INVALID_GRAPH',
      'This file is not a Keras or TensorFlow.js layers model (no model topology in it).',
    );
  if (!['Functional', 'Model', 'Sequential'].includes(found.className)) {
    return fail(
      'E_INVALID_GRAPH',
      `This file holds a ${found.className}, not a layers model the app can open.`,
    );
  }
  const topology = readTopology(found.className, found.config);
  if (typeof topology === 'string') return fail('E_INVALID_GRAPH', topology);
  if (topology.outputs.length !== 1)
    return fail(
      'E_INVALID_GRAPH',
      `This model has ${topology.outputs.length} outputs; the app opens models with one.`,
    );
  const output = topology.outputs[0];
  const inputs = topology.layers.filter((l) => l.className === 'InputLayer');
  if (inputs.length !== 1)
    return fail(
      'E_INVALID_GRAPH',
      `This model has ${inputs.length} inputs; the app opens models with one.`,
    );

  const positions = autoPositions(topology.layers);
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const problems: string[] = [];
  for (const layer of topology.layers) {
    const imported = importLayer(layer, layer.name === output);
    if (!imported.ok) {
      problems.push(imported.message);
      continue;
    }
    const ports = LAYER_DESCRIPTORS[imported.kind].ports;
    if (layer.inputs.length !== ports.length) {
      problems.push(
        `The layer '${layer.name}' takes ${layer.inputs.length} inputs where the app's ${imported.kind} takes ${ports.length}.`,
      );
      continue;
    }
    nodes.push({
      id: layer.name,
      kind: imported.kind,
      name: humanName(layer.name),
      params: imported.params,
      position: positions.get(layer.name)!,
    });
    layer.inputs.forEach((source, i) =>
      edges.push({
        id: `${source}->${layer.name}:${ports[i]}`,
        source,
        target: layer.name,
        targetPort: ports[i],
      }),
    );
  }
  // Nothing is half-imported: the first problem is the message, all of them are the details.
  if (problems.length > 0) return fail('E_INVALID_GRAPH', problems[0], problems);

  const last = nodes.find((n) => n.id === output)!;
  const frozen = topology.layers.some((l) => l.config.trainable === false);
  if (last.kind === 'ClassifierHead') last.params.frozen = frozen;
  const outputId = nodes.some((n) => n.id === 'output') ? 'output_node' : 'output';
  const at = positions.get(output)!;
  nodes.push({
    id: outputId,
    kind: 'Output',
    name: 'output',
    params: { loss: lossOf(found.trainingConfig, last) },
    position: { x: at.x + DX, y: Y0 },
  });
  edges.push({
    id: `${output}->${outputId}:in`,
    source: output,
    target: outputId,
    targetPort: 'in',
  });

  const parsed = graphDocumentSchema.safeParse({ version: GRAPH_VERSION, nodes, edges });
  if (!parsed.success)
    return fail(
      'E_INVALID_GRAPH',
      'The model could not be turned into a graph: a layer has an unreadable setting.',
    );
  let weights: Record<string, ImportedWeight> = {};
  if (weightFiles) {
    const read = readWeights(weightFiles);
    if (!read.ok) return read;
    weights = read.value;
  }
  const graph = restoreStudioNames(parsed.data, json);
  const nodeOfLayer = Object.fromEntries(
    nodes.filter((n) => n.kind !== 'Output').map((n, i) => [n.id, graph.nodes[i].id]),
  );
  return ok({ graph, weights, nodeOfLayer });
}
