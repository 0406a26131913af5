import type { LaidNode, Layout } from './layout';
import { el, num, points } from './svgText';
import type { VisibleEdge } from './visible';

const ARROW = 5;

/**
 * Where the flow leaves a glyph: the middle of its front face's far edge. Edges are drawn under
 * the glyphs, so the line seems to come out of the box's side.
 */
const exitOf = (n: LaidNode, lr: boolean): [number, number] => {
  const { w, h } = n.glyph;
  return lr ? [n.x + w, n.y + h / 2] : [n.x + w / 2, n.y + h];
};

/** Where the flow enters a glyph: the middle of its front face's near edge. */
const entryOf = (n: LaidNode, lr: boolean): [number, number] => {
  const { w, h } = n.glyph;
  return lr ? [n.x, n.y + h / 2] : [n.x + w / 2, n.y];
};

/** The connectors: straight along the axis, a smooth S-curve into and out of branches. */
export function drawEdges(layout: Layout, edges: VisibleEdge[], color: string): string {
  const lr = layout.direction === 'LR';
  const byId = new Map(layout.nodes.map((n) => [n.node.id, n]));
  let out = '';
  for (const e of edges) {
    const from = byId.get(e.source);
    const to = byId.get(e.target);
    if (!from || !to) continue;
    const [sx, sy] = exitOf(from, lr);
    const [tx, ty] = entryOf(to, lr);
    // The line stops where the arrowhead begins.
    const [ex, ey] = lr ? [tx - ARROW, ty] : [tx, ty - ARROW];
    const straight = lr ? Math.abs(sy - ey) < 0.5 : Math.abs(sx - ex) < 0.5;
    let d: string;
    if (straight) d = `M${num(sx)},${num(sy)} L${num(ex)},${num(ey)}`;
    else if (lr) {
      const mx = (sx + ex) / 2;
      d = `M${num(sx)},${num(sy)} C${num(mx)},${num(sy)} ${num(mx)},${num(ey)} ${num(ex)},${num(ey)}`;
    } else {
      const my = (sy + ey) / 2;
      d = `M${num(sx)},${num(sy)} C${num(sx)},${num(my)} ${num(ex)},${num(my)} ${num(ex)},${num(ey)}`;
    }
    out += el('path', {
      d,
      fill: 'none',
      stroke: color,
      'stroke-width': 1.4,
      'stroke-linecap': 'round',
    });
    const head: [number, number][] = lr
      ? [
          [tx, ty],
          [ex, ty - ARROW * 0.7],
          [ex, ty + ARROW * 0.7],
        ]
      : [
          [tx, ty],
          [tx - ARROW * 0.7, ey],
          [tx + ARROW * 0.7, ey],
        ];
    out += el('polygon', { points: points(head), fill: color });
  }
  return out;
}
