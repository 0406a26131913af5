import type {
  GraphDocument,
  GraphEdge,
  GraphNode,
  ParamValue,
} from '../../../shared/graph/document';

/**
 * Pure edits of a graph document. Each returns a new document (or the same one when nothing
 * changed), so the store can keep undo records and React can compare by reference.
 */

/** Copied layers and the connections among them (the editor's clipboard). */
export interface Fragment {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** An id not yet used in the document, readable in diagnostics ("dense-3"). */
export function freshNodeId(
  doc: GraphDocument,
  kind: string,
  taken: ReadonlySet<string> = new Set(),
): string {
  const base = kind.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  const used = new Set(doc.nodes.map((n) => n.id));
  for (let i = 1; ; i++) {
    const id = `${base}-${i}`;
    if (!used.has(id) && !taken.has(id)) return id;
  }
}

export const edgeId = (source: string, target: string, targetPort: string): string =>
  `${source}->${target}:${targetPort}`;

function mapNode(
  doc: GraphDocument,
  id: string,
  change: (node: GraphNode) => GraphNode,
): GraphDocument {
  let changed = false;
  const nodes = doc.nodes.map((n) => {
    if (n.id !== id) return n;
    changed = true;
    return change(n);
  });
  return changed ? { ...doc, nodes } : doc;
}

export const moveNode = (doc: GraphDocument, id: string, position: { x: number; y: number }) =>
  mapNode(doc, id, (n) => ({ ...n, position: { x: position.x, y: position.y } }));

export const setParam = (doc: GraphDocument, id: string, key: string, value: ParamValue) =>
  mapNode(doc, id, (n) => ({ ...n, params: { ...n.params, [key]: value } }));

export const renameNode = (doc: GraphDocument, id: string, name: string) =>
  mapNode(doc, id, (n) => ({ ...n, name }));

export const addNode = (doc: GraphDocument, node: GraphNode): GraphDocument => ({
  ...doc,
  nodes: [...doc.nodes, node],
});

/**
 * Connects source to a port of target. A port takes one input, so a new edge replaces the one
 * already there; an edge from a node to itself is refused (null).
 */
export function connect(
  doc: GraphDocument,
  source: string,
  target: string,
  targetPort: string,
): GraphDocument | null {
  if (source === target) return null;
  const ids = new Set(doc.nodes.map((n) => n.id));
  if (!ids.has(source) || !ids.has(target)) return null;
  const edge: GraphEdge = { id: edgeId(source, target, targetPort), source, target, targetPort };
  const kept = doc.edges.filter((e) => !(e.target === target && e.targetPort === targetPort));
  return { ...doc, edges: [...kept, edge] };
}

/** Removes nodes and every edge touching them, and the given edges. */
export function remove(
  doc: GraphDocument,
  nodeIds: readonly string[],
  edgeIds: readonly string[],
): GraphDocument {
  const gone = new Set(nodeIds);
  const goneEdges = new Set(edgeIds);
  if (gone.size === 0 && goneEdges.size === 0) return doc;
  return {
    ...doc,
    nodes: doc.nodes.filter((n) => !gone.has(n.id)),
    edges: doc.edges.filter(
      (e) => !goneEdges.has(e.id) && !gone.has(e.source) && !gone.has(e.target),
    ),
  };
}
