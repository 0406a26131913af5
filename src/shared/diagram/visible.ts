import type { GraphDocument, GraphNode } from '../graph/document';
import type { DiagramOptions } from './options';

export interface VisibleEdge {
  source: string;
  target: string;
}

export interface VisibleGraph {
  /** In topological order (nodes on a loop last, in document order). */
  nodes: GraphNode[];
  edges: VisibleEdge[];
}

/**
 * The nodes the picture shows: the selection (or all), minus hidden ones. An edge through a
 * hidden node joins its neighbours, so hiding a Dropout keeps the flow connected.
 */
export function visibleGraph(
  doc: GraphDocument,
  order: readonly string[],
  options: DiagramOptions,
): VisibleGraph {
  const selected = new Set(options.selection ?? doc.nodes.map((n) => n.id));
  const byId = new Map(doc.nodes.filter((n) => selected.has(n.id)).map((n) => [n.id, n]));
  const hidden = (id: string) => options.overrides[id]?.hidden === true;
  const ordered = [
    ...order.filter((id) => byId.has(id)),
    ...doc.nodes.map((n) => n.id).filter((id) => byId.has(id) && !order.includes(id)),
  ];
  const incoming = new Map<string, string[]>();
  for (const e of doc.edges) {
    if (!byId.has(e.source) || !byId.has(e.target)) continue;
    incoming.set(e.target, [...(incoming.get(e.target) ?? []), e.source]);
  }
  /** The nearest shown ancestors of a node, walking back through hidden ones. */
  const shownSources = (id: string, seen: Set<string>): string[] =>
    (incoming.get(id) ?? []).flatMap((src) => {
      if (seen.has(src)) return [];
      seen.add(src);
      return hidden(src) ? shownSources(src, seen) : [src];
    });
  const nodes = ordered.filter((id) => !hidden(id)).map((id) => byId.get(id)!);
  const edges: VisibleEdge[] = [];
  for (const node of nodes) {
    for (const source of new Set(shownSources(node.id, new Set([node.id])))) {
      edges.push({ source, target: node.id });
    }
  }
  return { nodes, edges };
}

/** Each node's column: the longest path to it from a node with no shown inputs. */
export function ranksOf(graph: VisibleGraph): Map<string, number> {
  const rank = new Map<string, number>();
  const sourcesOf = new Map<string, string[]>();
  for (const e of graph.edges)
    sourcesOf.set(e.target, [...(sourcesOf.get(e.target) ?? []), e.source]);
  for (const node of graph.nodes) {
    const before = (sourcesOf.get(node.id) ?? [])
      .map((s) => rank.get(s))
      .filter((r) => r !== undefined);
    rank.set(node.id, before.length === 0 ? 0 : Math.max(...before) + 1);
  }
  return rank;
}
