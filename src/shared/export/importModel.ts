import { fail, ok, type Result } from '../contract/result';
import {
  GRAPH_VERSION,
  graphDocumentSchema,
  type GraphDocument,
  type GraphEdge,
  type GraphNode,
} from '../graph/document';
import { LAYER_DESCRIPTORS } from '../layers/registry';
import { resolveParams } from '../layers/resolve';
import { findModelConfig, readTopology, type TopologyLayer } from './kerasTopology';
import { importLayer } from './layerImport';
import { restoreGameDesign } from './gameImport';
import { restoreStudioNames } from './restoreNames';
import { checkWeightsFit } from './weightsFit';
import { isReservedName, readWeightsManifest, splitWeights } from './weightsManifest';

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
  /** The model's own name ("sequence_autoencoder"), when the file gives one. */
  modelName: string | null;
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
  const name = typeof raw === 'string' ? raw : (raw as { class_name?: unknown } | null)?.class_name;
  // Own keys only: a loss named 'constructor' must not find Object's.
  if (typeof name === 'string' && Object.hasOwn(LOSSES, name)) return LOSSES[name];
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

/**
 * A Keras or TensorFlow.js layers-model JSON as an editable graph (auto positions), with its
 * weights when given. All or nothing: any layer the app lacks refuses the whole import. Never
 * throws: a file no check foresaw still comes back as a named error.
 */
export function importLayersModel(
  json: unknown,
  weightFiles: WeightFiles | null = null,
): Result<ImportedModel> {
  try {
    return importChecked(json, weightFiles);
  } catch (error) {
    return fail(
      'E_MODEL_FILE',
      `This model file could not be read (${error instanceof Error ? error.name : 'unknown problem'}).`,
    );
  }
}

/** A node id not used by any layer: "output", else "output_node", "output_node_2"... */
function freeId(base: string, used: ReadonlySet<string>): string {
  if (!used.has(base)) return base;
  for (let i = 1; ; i++) {
    const id = i === 1 ? `${base}_node` : `${base}_node_${i}`;
    if (!used.has(id)) return id;
  }
}

/** Layer names the graph cannot hold: repeated, or reserved by every object. */
function nameProblem(layers: TopologyLayer[]): string | null {
  const seen = new Set<string>();
  for (const l of layers) {
    if (isReservedName(l.name)) return `The layer '${l.name}' has a name the app reserves.`;
    if (seen.has(l.name)) return `Two layers are both named '${l.name}'.`;
    seen.add(l.name);
  }
  for (const l of layers) {
    const missing = l.inputs.find((s) => !seen.has(s));
    if (missing !== undefined)
      return `The layer '${l.name}' takes its input from '${missing}', which is not in the model.`;
  }
  return null;
}

function importChecked(json: unknown, weightFiles: WeightFiles | null): Result<ImportedModel> {
  const found = findModelConfig(json);
  if (!found)
    return fail(
      'E_MODEL_FILE',
      'This file is not a Keras or TensorFlow.js layers model (no model topology in it).',
    );
  if (!['Functional', 'Model', 'Sequential'].includes(found.className)) {
    return fail(
      'E_INVALID_GRAPH',
      `This file holds a ${found.className.slice(0, 100)}, not a layers model the app can open.`,
    );
  }
  // The manifest is checked even without weights: a hostile path is refused either way.
  const manifestRaw = weightFiles
    ? weightFiles.manifest
    : (json as { weightsManifest?: unknown }).weightsManifest;
  const manifest = readWeightsManifest(manifestRaw);
  if (!manifest.ok) return manifest;
  const read = readTopology(found.className, found.config);
  if (!read.ok) return read;
  const topology = read.value;
  const badName = nameProblem(topology.layers);
  if (badName) return fail('E_MODEL_FILE', badName);
  if (topology.outputs.length !== 1)
    return fail(
      'E_INVALID_GRAPH',
      `This model has ${topology.outputs.length} outputs; the app opens models with one.`,
    );
  const output = topology.outputs[0];
  if (!topology.layers.some((l) => l.name === output))
    return fail('E_MODEL_FILE', `The model's output '${output}' is not one of its layers.`);
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
  let unreadable = false;
  for (const layer of topology.layers) {
    const imported = importLayer(layer, layer.name === output);
    if (!imported.ok) {
      problems.push(imported.message);
      unreadable ||= imported.unreadable === true;
      continue;
    }
    const ports = LAYER_DESCRIPTORS[imported.kind].ports;
    if (layer.inputs.length !== ports.length) {
      problems.push(
        `The layer '${layer.name}' takes ${layer.inputs.length} inputs where the app's ${imported.kind} takes ${ports.length}.`,
      );
      continue;
    }
    const node: GraphNode = {
      id: layer.name,
      kind: imported.kind,
      name: humanName(layer.name),
      params: imported.params,
      position: positions.get(layer.name)!,
    };
    const misfit = resolveParams(node).problems;
    if (misfit.length > 0) {
      problems.push(`The layer '${layer.name}' (${layer.className}): ${misfit[0]}.`);
      continue;
    }
    nodes.push(node);
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
  if (problems.length > 0)
    return fail(unreadable ? 'E_MODEL_FILE' : 'E_INVALID_GRAPH', problems[0], problems);

  const last = nodes.find((n) => n.id === output)!;
  const frozen = topology.layers.some((l) => l.config.trainable === false);
  if (last.kind === 'ClassifierHead') last.params.frozen = frozen;
  const outputId = freeId('output', new Set(nodes.map((n) => n.id)));
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
  if (new Set(edges.map((e) => e.id)).size !== edges.length)
    return fail('E_INVALID_GRAPH', 'Two connections of the model get the same name in the app.');

  const parsed = graphDocumentSchema.safeParse({ version: GRAPH_VERSION, nodes, edges });
  if (!parsed.success) {
    const at = parsed.error.issues[0]?.path;
    const node = at?.[0] === 'nodes' ? nodes[Number(at[1])] : undefined;
    return fail(
      'E_MODEL_FILE',
      node
        ? `The layer '${node.id}' has a setting the app cannot read${at && at.length > 3 ? ` (${String(at[3])})` : ''}.`
        : 'The model could not be turned into a graph: a layer has an unreadable setting.',
    );
  }
  let weights = new Map<string, ImportedWeight>();
  if (weightFiles) {
    const split = splitWeights(manifest.value, weightFiles.data);
    if (!split.ok) return split;
    weights = split.value;
  }
  // A game's design file holds one of its networks; the whole game comes back from its metadata.
  const game = restoreGameDesign(parsed.data, json);
  const graph = game?.graph ?? restoreStudioNames(parsed.data, json);
  const nodeOfLayer =
    game?.nodeOfLayer ??
    Object.fromEntries(
      nodes.filter((n) => n.kind !== 'Output').map((n, i) => [n.id, graph.nodes[i].id]),
    );
  const fits = checkWeightsFit(graph, nodeOfLayer, weights);
  if (!fits.ok) return fits;
  const ownName = (found.config as { name?: unknown } | null)?.name;
  const modelName = typeof ownName === 'string' && ownName.trim() ? ownName.slice(0, 200) : null;
  return ok({ graph, weights: Object.fromEntries(weights), nodeOfLayer, modelName });
}
