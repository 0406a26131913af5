import type { GraphDocument } from '../../../shared/graph/document';

export type Side = 'left' | 'right' | 'top' | 'bottom';

/** Where a node's input ports and its output port sit. */
export interface HandleSides {
  in: Side;
  out: Side;
}

type Offset = { x: number; y: number };

const OPPOSITE: Record<Side, Side> = { left: 'right', right: 'left', top: 'bottom', bottom: 'top' };

/** The side of a node that faces a point `d` away from it; null when there is no point. */
function facing(d: Offset | null): Side | null {
  if (!d || (d.x === 0 && d.y === 0)) return null;
  if (Math.abs(d.x) >= Math.abs(d.y)) return d.x >= 0 ? 'right' : 'left';
  return d.y >= 0 ? 'bottom' : 'top';
}

/** Left to right when the nodes spread wider than tall, else top to bottom. */
export function mainSides(doc: GraphDocument): HandleSides {
  if (doc.nodes.length < 2) return { in: 'left', out: 'right' };
  const xs = doc.nodes.map((n) => n.position.x);
  const ys = doc.nodes.map((n) => n.position.y);
  const spread = (v: number[]) => Math.max(...v) - Math.min(...v);
  return spread(xs) >= spread(ys) ? { in: 'left', out: 'right' } : { in: 'top', out: 'bottom' };
}

/**
 * Each node's ports face the layers they connect to: inputs towards its sources, the output
 * towards its targets. A wrapped (snake) layout then reads without an edge doubling back: a band
 * that runs right to left takes its inputs on the right, and the turn between two bands leaves
 * from the bottom and enters at the top. A node with one kind of neighbour puts the other port
 * opposite; a loose node follows the design's main direction.
 */
export function handleSides(doc: GraphDocument): Map<string, HandleSides> {
  const at = new Map(doc.nodes.map((n) => [n.id, n.position]));
  const sum = new Map<string, { in: Offset | null; out: Offset | null }>(
    doc.nodes.map((n) => [n.id, { in: null, out: null }]),
  );
  const add = (acc: Offset | null, d: Offset): Offset =>
    acc ? { x: acc.x + d.x, y: acc.y + d.y } : d;
  for (const e of doc.edges) {
    const s = at.get(e.source);
    const t = at.get(e.target);
    if (!s || !t) continue;
    const d = { x: t.x - s.x, y: t.y - s.y };
    sum.get(e.source)!.out = add(sum.get(e.source)!.out, d);
    sum.get(e.target)!.in = add(sum.get(e.target)!.in, { x: -d.x, y: -d.y });
  }
  const fallback = mainSides(doc);
  const sides = new Map<string, HandleSides>();
  for (const [id, s] of sum) {
    const inSide = facing(s.in);
    const outSide = facing(s.out);
    sides.set(id, {
      in: inSide ?? (outSide ? OPPOSITE[outSide] : fallback.in),
      out: outSide ?? (inSide ? OPPOSITE[inSide] : fallback.out),
    });
  }
  return sides;
}
