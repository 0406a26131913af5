import type { GraphDocument, GraphEdge, GraphNode } from '../../../../shared/graph/document';
import { edgeId, freshNodeId, type Fragment } from '../../stores/graphEdits';

export type { Fragment };

/** Copies the chosen nodes and the connections that run between two of them. */
export function copyFragment(doc: GraphDocument, nodeIds: readonly string[]): Fragment | null {
  const chosen = new Set(nodeIds);
  const nodes = doc.nodes.filter((n) => chosen.has(n.id));
  if (nodes.length === 0) return null;
  const edges = doc.edges.filter((e) => chosen.has(e.source) && chosen.has(e.target));
  return structuredClone({ nodes, edges });
}

/**
 * Adds a copy of a fragment, moved by `offset`, with fresh ids. A TiedDense whose partner was
 * copied with it mirrors the copy; one whose partner stayed behind keeps mirroring the original.
 */
export function pasteFragment(
  doc: GraphDocument,
  fragment: Fragment,
  offset: { x: number; y: number },
): { doc: GraphDocument; ids: string[] } {
  const rename = new Map<string, string>();
  const taken = new Set<string>();
  for (const node of fragment.nodes) {
    const id = freshNodeId(doc, node.kind, taken);
    taken.add(id);
    rename.set(node.id, id);
  }
  const nodes = fragment.nodes.map((n): GraphNode => {
    const params = structuredClone(n.params);
    if (n.kind === 'TiedDense' && typeof params.partner === 'string') {
      params.partner = rename.get(params.partner) ?? params.partner;
    }
    const id = rename.get(n.id)!;
    // A default name ("Dense 3") follows the copy's new number; a name the person gave stays.
    const numbered = new RegExp(`^${n.kind} \\d+$`).test(n.name);
    return {
      ...n,
      id,
      name: numbered ? `${n.kind} ${id.slice(id.lastIndexOf('-') + 1)}` : n.name,
      params,
      position: { x: n.position.x + offset.x, y: n.position.y + offset.y },
    };
  });
  const edges = fragment.edges.map((e): GraphEdge => {
    const source = rename.get(e.source)!;
    const target = rename.get(e.target)!;
    return { id: edgeId(source, target, e.targetPort), source, target, targetPort: e.targetPort };
  });
  return {
    doc: { ...doc, nodes: [...doc.nodes, ...nodes], edges: [...doc.edges, ...edges] },
    ids: nodes.map((n) => n.id),
  };
}
