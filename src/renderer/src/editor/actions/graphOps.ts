import type { GraphDocument, GraphEdge, GraphNode } from '../../../../shared/graph/document';
import { edgeId } from '../../stores/graphEdits';

/** The column spacing of the presets, so inserted layers line up with theirs. */
export const COLUMN = 200;

export const byId = (doc: GraphDocument, id: string): GraphNode | undefined =>
  doc.nodes.find((n) => n.id === id);

export const incomingOf = (doc: GraphDocument, id: string): GraphEdge[] =>
  doc.edges.filter((e) => e.target === id);

export const outgoingOf = (doc: GraphDocument, id: string): GraphEdge[] =>
  doc.edges.filter((e) => e.source === id);

export const makeEdge = (source: string, target: string, targetPort = 'in'): GraphEdge => ({
  id: edgeId(source, target, targetPort),
  source,
  target,
  targetPort,
});

/** Moves every node right of `x` further right, making room for `columns` new columns. */
export function shiftRightOf(doc: GraphDocument, x: number, columns = 1): GraphDocument {
  return {
    ...doc,
    nodes: doc.nodes.map((n) =>
      n.position.x > x + 1
        ? { ...n, position: { x: n.position.x + columns * COLUMN, y: n.position.y } }
        : n,
    ),
  };
}

/**
 * Puts `node` right after `afterId`: everything `afterId` fed now comes from `node`, and the
 * layers to its right move over one column to make room.
 */
export function insertAfter(doc: GraphDocument, afterId: string, node: GraphNode): GraphDocument {
  const after = byId(doc, afterId);
  if (!after) return doc;
  const shifted = shiftRightOf(doc, after.position.x);
  const placed = { ...node, position: { x: after.position.x + COLUMN, y: after.position.y } };
  const edges = shifted.edges.map((e) =>
    e.source === afterId
      ? { ...e, id: edgeId(placed.id, e.target, e.targetPort), source: placed.id }
      : e,
  );
  return {
    ...shifted,
    nodes: [...shifted.nodes, placed],
    edges: [...edges, makeEdge(afterId, placed.id)],
  };
}

/**
 * The chain of layers from the Input forward, each the only successor of the one before, up to
 * (not including) the Output; null with the node where it branches when the design is no chain.
 */
export function mainChain(
  doc: GraphDocument,
):
  { ok: true; chain: GraphNode[]; output: GraphNode | null } | { ok: false; at: GraphNode | null } {
  const inputs = doc.nodes.filter((n) => n.kind === 'Input');
  if (inputs.length !== 1) return { ok: false, at: null };
  const chain: GraphNode[] = [inputs[0]];
  const seen = new Set([inputs[0].id]);
  for (;;) {
    const last = chain[chain.length - 1];
    const next = outgoingOf(doc, last.id);
    if (next.length === 0) return { ok: true, chain, output: null };
    if (next.length > 1) return { ok: false, at: last };
    const node = byId(doc, next[0].target);
    if (!node || seen.has(node.id)) return { ok: false, at: last };
    if (node.kind === 'Output') return { ok: true, chain, output: node };
    if (incomingOf(doc, node.id).length > 1) return { ok: false, at: node };
    seen.add(node.id);
    chain.push(node);
  }
}
