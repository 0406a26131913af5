import type { GraphDocument, GraphEdge, GraphNode } from '../../../../shared/graph/document';
import { LAYER_DESCRIPTORS } from '../../../../shared/layers';
import { edgeId } from '../../stores/graphEdits';

const inPorts = (node: GraphNode): readonly string[] => LAYER_DESCRIPTORS[node.kind].ports;
const hasOutput = (node: GraphNode): boolean => node.kind !== 'Output';

const link = (source: string, target: string, targetPort: string): GraphEdge => ({
  id: edgeId(source, target, targetPort),
  source,
  target,
  targetPort,
});

/**
 * Adds `node` right after the layer `afterId`: the new layer reads from it, and whatever read
 * from it reads from the new layer instead, so a chain stays a chain. After an Output (which
 * gives nothing on) the new layer goes in before it. A layer that cannot sit in a chain (an
 * Input takes nothing in, an Output gives nothing on) is only connected on the side it can be.
 */
export function insertAfter(doc: GraphDocument, node: GraphNode, afterId: string): GraphDocument {
  const anchor = doc.nodes.find((n) => n.id === afterId);
  const withNode = { ...doc, nodes: [...doc.nodes, node] };
  if (!anchor) return withNode;
  if (!hasOutput(anchor)) {
    const feeding = doc.edges.find((e) => e.target === anchor.id);
    return feeding ? insertAfter(doc, node, feeding.source) : withNode;
  }
  const port = inPorts(node)[0];
  if (port === undefined) return withNode;
  // Outgoing edges move to the new layer only when it gives something on.
  const moved = hasOutput(node) ? doc.edges.filter((e) => e.source === anchor.id) : [];
  const kept = doc.edges.filter((e) => !moved.includes(e));
  return {
    ...withNode,
    edges: [
      ...kept,
      link(anchor.id, node.id, port),
      ...moved.map((e) => link(node.id, e.target, e.targetPort)),
    ],
  };
}
