/**
 * Opening a game's design file again. A layers model.json holds one network with one input and one
 * output, so the app writes a game's design as the network that `compileGraph` calls its spec (a
 * GAN's generator, an AAE's autoencoder), the whole design in its metadata, and the
 * discriminator's weights in a second file of its manifest. The file's layers are imported as for
 * any model; when they are exactly that network of the saved game, the game comes back whole: the
 * file's layers (their settings as the file gives them) in their places, the rest of the design
 * (the Prior, the discriminator, the Adversary) from the metadata.
 */
import { compileGraph } from '../compiler';
import type { GraphDocument, GraphNode } from '../graph/document';
import { migrateDocument } from '../graph/migrate';

type Raw = Record<string, unknown>;
const isRecord = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A game brought back: its graph, and the node each layer name (both players') belongs to. */
export interface RestoredGame {
  graph: GraphDocument;
  nodeOfLayer: Record<string, string>;
}

const sameShape = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The saved game, when `imported` (the file's layers as a graph, ids = layer names, plus the
 * Output node the import adds) is exactly the network the design file of that game holds; null
 * for any other file, which then imports as an ordinary model.
 */
export function restoreGameDesign(imported: GraphDocument, json: unknown): RestoredGame | null {
  const meta =
    isRecord(json) && isRecord(json.userDefinedMetadata)
      ? json.userDefinedMetadata.autoencoderStudio
      : null;
  if (!isRecord(meta) || !isRecord(meta.layerOfNode)) return null;
  const original = migrateDocument(meta.graph);
  if (!original.ok) return null;
  const compiled = compileGraph(original.value);
  const game = compiled.ok ? compiled.game : null;
  if (!game) return null;
  const network = game.kind === 'gan' ? game.generator : game.autoencoder;
  const byId = new Map(original.value.nodes.map((n) => [n.id, n]));
  const nodeOfLayer: Record<string, string> = {};
  for (const [nodeId, layer] of Object.entries(meta.layerOfNode)) {
    const kind = byId.get(nodeId)?.kind;
    if (typeof layer === 'string' && kind && kind !== 'Output' && kind !== 'Adversary')
      nodeOfLayer[layer] = nodeId;
  }
  // Kind for kind, every layer of the network and nothing else (the Output the import adds aside).
  const layers = imported.nodes.filter((n) => n.kind !== 'Output');
  const wanted = network.config.layers.map((l) => l.name);
  if (layers.length !== wanted.length || !wanted.every((w) => layers.some((n) => n.id === w)))
    return null;
  const fromFile = new Map<string, GraphNode>();
  for (const node of layers) {
    const o = byId.get(nodeOfLayer[node.id] ?? '');
    if (!o) return null;
    if (node.kind === 'Input') {
      // The network's input: the Prior's noise (GAN) or the data (AAE), of the saved shape.
      const saved = network.config.layers.find((l) => l.name === node.id)?.config.batch_input_shape;
      if (!Array.isArray(saved) || !sameShape(saved.slice(1), node.params.shape)) return null;
      continue;
    }
    if (o.kind !== node.kind) return null;
    fromFile.set(o.id, node);
  }
  const idOfLayer = (layer: unknown) =>
    typeof layer === 'string' ? (nodeOfLayer[layer] ?? layer) : layer;
  return {
    graph: {
      ...original.value,
      nodes: original.value.nodes.map((o) => {
        const file = fromFile.get(o.id);
        if (!file) return structuredClone(o);
        const params = { ...file.params };
        if (file.kind === 'TiedDense') params.partner = idOfLayer(params.partner) as string;
        return { ...structuredClone(o), params };
      }),
      edges: structuredClone(original.value.edges),
    },
    nodeOfLayer,
  };
}
