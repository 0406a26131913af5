import type { Edge, Node } from '@xyflow/react';
import type { GraphDocument } from '../../../shared/graph/document';
import { formatShape } from '../format/format';

/** Which way the network reads on the canvas; the handles follow it. */
export type FlowDirection = 'right' | 'down';

export type LayerNodeData = { kind: string; direction: FlowDirection };
export type LayerFlowNode = Node<LayerNodeData, 'layer'>;

/** Left to right when the nodes spread wider than tall, else top to bottom. */
export function flowDirection(doc: GraphDocument): FlowDirection {
  if (doc.nodes.length < 2) return 'right';
  const xs = doc.nodes.map((n) => n.position.x);
  const ys = doc.nodes.map((n) => n.position.y);
  const spread = (v: number[]) => Math.max(...v) - Math.min(...v);
  return spread(xs) >= spread(ys) ? 'right' : 'down';
}

/**
 * React Flow's nodes for a document. They carry only what React Flow itself needs; each node
 * component reads its params, shape and diagnostics from the graph store by id.
 */
export function toFlowNodes(
  doc: GraphDocument,
  selectedIds: readonly string[],
  direction: FlowDirection,
): LayerFlowNode[] {
  const selected = new Set(selectedIds);
  return doc.nodes.map((n) => ({
    id: n.id,
    type: 'layer',
    position: n.position,
    selected: selected.has(n.id),
    data: { kind: n.kind, direction },
  }));
}

/** React Flow's edges, each labelled with the shape that travels along it. */
export function toFlowEdges(
  doc: GraphDocument,
  shapeOf: (nodeId: string) => readonly number[] | null | undefined,
  selectedIds: readonly string[] = [],
): Edge[] {
  const selected = new Set(selectedIds);
  return doc.edges.map((e) => {
    const shape = shapeOf(e.source);
    return {
      id: e.id,
      source: e.source,
      target: e.target,
      targetHandle: e.targetPort,
      label: shape ? formatShape(shape) : undefined,
      className: 'graph-edge',
      selected: selected.has(e.id),
    };
  });
}
