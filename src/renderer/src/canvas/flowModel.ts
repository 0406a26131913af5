import type { Edge, Node } from '@xyflow/react';
import type { GraphDocument } from '../../../shared/graph/document';
import { formatShape } from '../format/format';
import { handleSides, type Side } from './handleSides';

/** Where a node's ports sit: facing the layers they connect to (handleSides). */
export type LayerNodeData = { kind: string; inSide: Side; outSide: Side };
export type LayerFlowNode = Node<LayerNodeData, 'layer'>;

/**
 * React Flow's nodes for a document. They carry only what React Flow itself needs; each node
 * component reads its params, shape and diagnostics from the graph store by id.
 */
export function toFlowNodes(doc: GraphDocument, selectedIds: readonly string[]): LayerFlowNode[] {
  const selected = new Set(selectedIds);
  const sides = handleSides(doc);
  return doc.nodes.map((n) => ({
    id: n.id,
    type: 'layer',
    position: n.position,
    selected: selected.has(n.id),
    data: { kind: n.kind, inSide: sides.get(n.id)!.in, outSide: sides.get(n.id)!.out },
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
