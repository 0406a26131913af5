import { analyzeGraph } from '../compiler';
import type { GraphDocument, GraphNode } from '../graph/document';
import type { ParamPatch } from './types';

export type ParamPatchList = ParamPatch[];

/** The node feeding `nodeId` on `port`, or null. */
export function sourceOf(graph: GraphDocument, nodeId: string, port = 'in'): GraphNode | null {
  const edge = graph.edges.find((e) => e.target === nodeId && e.targetPort === port);
  return graph.nodes.find((n) => n.id === edge?.source) ?? null;
}

export const nodesOfKind = (graph: GraphDocument, kind: string): GraphNode[] =>
  graph.nodes.filter((n) => n.kind === kind);

/**
 * The Dense layers whose units set the width of the code: the code node itself when it is a
 * Dense, the Dense feeding a Code node, or a Sampling node's mean and log-variance layers (which
 * must stay the same size). Empty when the design has no code whose width one number sets.
 */
export function codeWidthNodes(graph: GraphDocument): GraphNode[] {
  const codeId = analyzeGraph(graph).codeNodeId;
  const code = graph.nodes.find((n) => n.id === codeId);
  if (!code) return [];
  const dense = (n: GraphNode | null): n is GraphNode => n?.kind === 'Dense';
  if (code.kind === 'Dense') return [code];
  if (code.kind === 'Code') return [sourceOf(graph, code.id)].filter(dense);
  if (code.kind === 'Sampling') {
    const both = [sourceOf(graph, code.id, 'mean'), sourceOf(graph, code.id, 'logVar')];
    return both.every(dense) ? both : [];
  }
  return [];
}

/** The patches that give the code `units` values. */
export const codeWidthPatch = (graph: GraphDocument, units: number): ParamPatch[] =>
  codeWidthNodes(graph).map((n) => ({ nodeId: n.id, key: 'units', value: units }));

/** The layer that gives the Output its values (skipping layers that pass values through). */
export function lastLayerBeforeOutput(graph: GraphDocument): GraphNode | null {
  const output = nodesOfKind(graph, 'Output')[0];
  let node = output ? sourceOf(graph, output.id) : null;
  for (let hops = 0; node && hops < 10; hops++) {
    if (node.kind === 'Dense' || node.kind === 'Conv2D' || node.kind === 'Conv2DTranspose')
      return node;
    node = sourceOf(graph, node.id);
  }
  return null;
}

/** Applies param patches to a graph (a new document; unknown node ids are left out). */
export function applyParamPatches(graph: GraphDocument, patches: ParamPatch[]): GraphDocument {
  return {
    ...graph,
    nodes: graph.nodes.map((node) => {
      const mine = patches.filter((p) => p.nodeId === node.id);
      if (mine.length === 0) return node;
      const params = { ...node.params };
      for (const p of mine) params[p.key] = p.value;
      return { ...node, params };
    }),
  };
}
