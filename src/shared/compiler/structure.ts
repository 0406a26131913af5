import type { GraphDocument, GraphEdge, GraphNode } from '../graph/document';
import { MESSAGES, nodeLabel, type Diagnostic } from '../graph/messages';
import { LAYER_DESCRIPTORS } from '../layers/registry';

/** The graph as lookup tables, with the edges that cannot be used already reported and dropped. */
export interface GraphIndex {
  nodes: Map<string, GraphNode>;
  labels: Map<string, string>;
  /** Usable edges into each node. */
  incoming: Map<string, GraphEdge[]>;
  /** Targets of the usable edges leaving each node. */
  outgoing: Map<string, string[]>;
}

export function indexGraph(doc: GraphDocument, diagnostics: Diagnostic[]): GraphIndex {
  const nodes = new Map<string, GraphNode>();
  const labels = new Map<string, string>();
  for (const node of doc.nodes) {
    if (nodes.has(node.id)) {
      diagnostics.push({
        code: 'E_DUPLICATE_ID',
        severity: 'error',
        nodeIds: [node.id],
        message: MESSAGES.E_DUPLICATE_ID(node.id),
      });
      continue;
    }
    nodes.set(node.id, node);
    labels.set(node.id, nodeLabel(node.kind, node.name, node.id));
  }
  const incoming = new Map<string, GraphEdge[]>();
  const outgoing = new Map<string, string[]>();
  for (const id of nodes.keys()) {
    incoming.set(id, []);
    outgoing.set(id, []);
  }
  for (const edge of doc.edges) {
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    if (!source || !target) {
      diagnostics.push({
        code: 'W_DANGLING_EDGE',
        severity: 'warning',
        nodeIds: [source?.id, target?.id].filter((v): v is string => v !== undefined),
        message: MESSAGES.W_DANGLING_EDGE(edge.id),
      });
      continue;
    }
    if (source.kind === 'Output') {
      diagnostics.push({
        code: 'E_AFTER_OUTPUT',
        severity: 'error',
        nodeIds: [source.id, target.id],
        message: MESSAGES.E_AFTER_OUTPUT(labels.get(source.id)!),
      });
      continue;
    }
    const ports = LAYER_DESCRIPTORS[target.kind].ports;
    if (!ports.includes(edge.targetPort)) {
      diagnostics.push({
        code: 'E_PORT',
        severity: 'error',
        nodeIds: [target.id, source.id],
        message: MESSAGES.E_PORT(labels.get(target.id)!, edge.targetPort, ports),
      });
      continue;
    }
    incoming.get(target.id)!.push(edge);
    outgoing.get(source.id)!.push(target.id);
  }
  return { nodes, labels, incoming, outgoing };
}

/**
 * Kahn's order. Nodes left over sit on a loop or after one; peeling off those without a leftover
 * successor keeps only the nodes of the loops themselves for the message.
 */
export function topologicalOrder(
  index: GraphIndex,
  diagnostics: Diagnostic[],
): { order: string[]; onLoop: Set<string> } {
  const inDegree = new Map<string, number>();
  for (const [id, edges] of index.incoming) inDegree.set(id, edges.length);
  const queue = [...index.nodes.keys()].filter((id) => inDegree.get(id) === 0);
  const order: string[] = [];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i];
    order.push(id);
    for (const next of index.outgoing.get(id)!) {
      const left = inDegree.get(next)! - 1;
      inDegree.set(next, left);
      if (left === 0) queue.push(next);
    }
  }
  const left = new Set([...index.nodes.keys()].filter((id) => inDegree.get(id)! > 0));
  let changed = true;
  while (changed) {
    changed = false;
    for (const id of left) {
      if (!index.outgoing.get(id)!.some((next) => left.has(next))) {
        left.delete(id);
        changed = true;
      }
    }
  }
  if (left.size > 0) {
    const ids = [...left];
    diagnostics.push({
      code: 'E_CYCLE',
      severity: 'error',
      nodeIds: ids,
      message: MESSAGES.E_CYCLE(ids.map((id) => index.labels.get(id)!)),
    });
  }
  return { order, onLoop: left };
}

/** Each port's single source, or null (with a diagnostic) when a port has none or several. */
export function portSources(
  index: GraphIndex,
  diagnostics: Diagnostic[],
): Map<string, Record<string, string> | null> {
  const out = new Map<string, Record<string, string> | null>();
  for (const [id, node] of index.nodes) {
    const label = index.labels.get(id)!;
    const sources: Record<string, string> = {};
    let complete = true;
    for (const port of LAYER_DESCRIPTORS[node.kind].ports) {
      const edges = index.incoming.get(id)!.filter((e) => e.targetPort === port);
      if (edges.length === 1) {
        sources[port] = edges[0].source;
        continue;
      }
      complete = false;
      diagnostics.push({
        code: 'E_INPUT_COUNT',
        severity: 'error',
        nodeIds: [id],
        message:
          edges.length === 0
            ? MESSAGES.E_INPUT_MISSING(label, port)
            : MESSAGES.E_INPUT_EXTRA(label, port, edges.length),
      });
    }
    out.set(id, complete ? sources : null);
  }
  return out;
}

/** Every node reachable from the starts, following `next`. */
export function reach(starts: string[], next: (id: string) => Iterable<string>): Set<string> {
  const seen = new Set(starts);
  const stack = [...starts];
  while (stack.length > 0) {
    for (const n of next(stack.pop()!)) {
      if (!seen.has(n)) {
        seen.add(n);
        stack.push(n);
      }
    }
  }
  return seen;
}
