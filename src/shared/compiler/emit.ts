import type { GraphDocument, GraphNode } from '../graph/document';
import { LAYER_DESCRIPTORS } from '../layers/registry';
import { resolveParams } from '../layers/resolve';
import { layerNames } from './names';
import type { InboundNode, KerasLayerSpec, KerasModelSpec } from './spec';
import type { GraphAnalysis, NodeRole } from './types';

/** Shapes of a node's inputs, by port, from the analysis. */
function inputShapes(doc: GraphDocument, analysis: GraphAnalysis, node: GraphNode) {
  const inputs: Record<string, number[]> = {};
  for (const e of doc.edges) {
    if (e.target === node.id) inputs[e.targetPort] = analysis.nodes[e.source].shape!;
  }
  return inputs;
}

export interface EmitOptions {
  /** Layer names given across a whole design, so a game's networks never share one. */
  names?: Map<string, string>;
  /** The Keras model's name. */
  modelName?: string;
}

/** Emits the Keras-format spec of a graph the analysis found valid. */
export function emitSpec(
  doc: GraphDocument,
  analysis: GraphAnalysis,
  options: EmitOptions = {},
): KerasModelSpec {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const ordered = analysis.order.map((id) => byId.get(id)!);
  const names = options.names ?? layerNames(ordered.filter((n) => n.kind !== 'Output'));
  const frozen = new Set(
    ordered.filter((n) => n.kind !== 'ClassifierHead' && frozenByHead(doc, n.id)).map((n) => n.id),
  );
  const layerOfNode: Record<string, string> = {};
  const layers: KerasLayerSpec[] = [];
  let inputLayer = '';
  let outputLayer = '';
  for (const node of ordered) {
    const sources = LAYER_DESCRIPTORS[node.kind].ports.map(
      (port) => doc.edges.find((e) => e.target === node.id && e.targetPort === port)!.source,
    );
    if (node.kind === 'Output') {
      outputLayer = layerOfNode[sources[0]];
      layerOfNode[node.id] = outputLayer;
      continue;
    }
    const name = names.get(node.id)!;
    layerOfNode[node.id] = name;
    // The network's argument: an Input, or a game's Prior (its noise).
    if (LAYER_DESCRIPTORS[node.kind].ports.length === 0) inputLayer = name;
    const keras = LAYER_DESCRIPTORS[node.kind].toKeras({
      params: resolveParams(node).params,
      inputs: inputShapes(doc, analysis, node),
      output: analysis.nodes[node.id].shape!,
      layerNameOf: (id) => names.get(id) ?? id,
    })!;
    layers.push({
      class_name: keras.className,
      name,
      config: { name, trainable: !frozen.has(node.id), dtype: 'float32', ...keras.config },
      inbound_nodes:
        sources.length === 0 ? [] : [sources.map((s): InboundNode => [layerOfNode[s], 0, 0, {}])],
    });
  }
  const output = ordered.find((n) => n.kind === 'Output')!;
  const loss = resolveParams(output).params.loss as KerasModelSpec['studio']['loss'];
  const nodeOfLayer: Record<string, string> = {};
  const roleOfLayer: Record<string, NodeRole | null> = {};
  const labelOfLayer: Record<string, string> = {};
  for (const { id } of ordered) {
    const name = names.get(id);
    if (name === undefined || !(id in layerOfNode)) continue;
    nodeOfLayer[name] = id;
    roleOfLayer[name] = analysis.nodes[id].role;
    labelOfLayer[name] = byId.get(id)!.name || id;
  }
  const outputSpec = layers.find((l) => l.name === outputLayer);
  return {
    class_name: 'Functional',
    config: {
      name: options.modelName ?? 'autoencoder',
      layers,
      input_layers: [[inputLayer, 0, 0]],
      output_layers: [[outputLayer, 0, 0]],
    },
    keras_version: '2.15.0',
    backend: 'tensorflow',
    studio: {
      layerOfNode,
      nodeOfLayer,
      inputLayer,
      outputLayer,
      codeLayer: analysis.codeNodeId ? layerOfNode[analysis.codeNodeId] : null,
      task: analysis.task,
      loss: analysis.task === 'classify' ? 'categoricalCrossentropy' : loss,
      inputShape: analysis.nodes[byId.get(nodeOfLayer[inputLayer])!.id].shape!,
      classes: analysis.task === 'classify' ? (outputSpec?.config.units as number) : null,
      roleOfLayer,
      labelOfLayer,
    },
  };
}

/** A node is frozen when it feeds a ClassifierHead whose 'frozen' switch is on. */
function frozenByHead(doc: GraphDocument, id: string): boolean {
  const seen = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const at = stack.pop()!;
    for (const e of doc.edges) {
      if (e.source !== at || seen.has(e.target)) continue;
      seen.add(e.target);
      const target = doc.nodes.find((n) => n.id === e.target);
      if (target?.kind === 'ClassifierHead' && resolveParams(target).params.frozen === true)
        return true;
      stack.push(e.target);
    }
  }
  return false;
}
