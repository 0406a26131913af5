import dagre from '@dagrejs/dagre';
import type { GraphDocument } from '../../../../shared/graph/document';

/** The size a layer node takes on the canvas (canvas.css .layer-node), for spacing. */
const NODE = { width: 168, height: 104 };

/**
 * Lays the network out left to right with dagre (layered layout: each layer one column after the
 * layers it reads from), keeping the graph where it was so the view does not jump.
 */
export function autoLayout(doc: GraphDocument): GraphDocument {
  if (doc.nodes.length === 0) return doc;
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 36, ranksep: 44, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of doc.nodes) g.setNode(n.id, { ...NODE });
  const ids = new Set(doc.nodes.map((n) => n.id));
  for (const e of doc.edges)
    if (ids.has(e.source) && ids.has(e.target)) g.setEdge(e.source, e.target);
  dagre.layout(g);
  const left = Math.min(...doc.nodes.map((n) => n.position.x));
  const top = Math.min(...doc.nodes.map((n) => n.position.y));
  const placed = doc.nodes.map((n) => {
    const p = g.node(n.id);
    return { id: n.id, x: p.x - NODE.width / 2, y: p.y - NODE.height / 2 };
  });
  const dx = left - Math.min(...placed.map((p) => p.x));
  const dy = top - Math.min(...placed.map((p) => p.y));
  const at = new Map(
    placed.map((p) => [p.id, { x: Math.round(p.x + dx), y: Math.round(p.y + dy) }]),
  );
  return { ...doc, nodes: doc.nodes.map((n) => ({ ...n, position: at.get(n.id)! })) };
}
