import type { GraphAnalysis } from '../../compiler/types';
import type { GraphDocument } from '../../graph/document';
import type { DiagramOptionsInput } from '../options';
import { kindStyle, shade } from '../palette';
import { el, num, text } from '../svgText';
import { labelLines, page, samplePicture, styleContext } from './common';

const MAX_DRAWN = 10;
const GAP = 26;
const COLUMN = 150;
const R = 9;

/**
 * NN-SVG's neuron-and-edge picture for small dense networks: each layer a column of circles (a
 * long layer shows its first and last units around an ellipsis), every unit joined to every unit
 * of the next layer.
 */
export function neuronsSvg(
  doc: GraphDocument,
  options: DiagramOptionsInput = {},
  analysis?: GraphAnalysis,
): string {
  const ctx = styleContext(doc, options, analysis);
  const { theme, opts } = ctx;
  const hasIn = Boolean(opts.samples?.input);
  const hasOut = Boolean(opts.samples?.output);
  const left = hasIn ? 150 : 60;
  const units = ctx.nodes.map((n) => (ctx.shapeOf(n.id) ?? [1]).reduce((a, b) => a * b, 1));
  const drawn = units.map((u) => Math.min(u, MAX_DRAWN));
  const tallest = Math.max(...drawn, 1) * GAP;
  const height = tallest + 90;
  const centres = ctx.nodes.map((_, i) => {
    const k = drawn[i];
    const top = 30 + (tallest - k * GAP) / 2;
    return Array.from(
      { length: k },
      (_, j) => [left + i * COLUMN, top + j * GAP + GAP / 2] as [number, number],
    );
  });
  const column = new Map(ctx.nodes.map((n, i) => [n.id, i]));
  let edges = '';
  for (const e of ctx.edges) {
    const a = centres[column.get(e.source) ?? -1];
    const b = centres[column.get(e.target) ?? -1];
    if (!a || !b) continue;
    for (const p of a)
      for (const q of b)
        edges += `<line x1="${num(p[0] + R)}" y1="${num(p[1])}" x2="${num(q[0] - R)}" y2="${num(q[1])}" stroke="${theme.edge}" stroke-width="0.6" stroke-opacity="0.55"/>`;
  }
  let circles = '';
  let labels = '';
  ctx.nodes.forEach((n, i) => {
    const fill = opts.overrides[n.id]?.color ?? kindStyle(n.kind, opts.palette).fill;
    const stroke = theme.ink ?? shade(fill, -0.4);
    centres[i].forEach(([x, y], j) => {
      // The middle unit of a long layer stands for the ones not drawn.
      if (units[i] > MAX_DRAWN && j === Math.floor(MAX_DRAWN / 2)) {
        circles += text('⋮', {
          x,
          y: y + 6,
          'text-anchor': 'middle',
          'font-size': 18,
          fill: theme.muted,
        });
        return;
      }
      circles += el('circle', { cx: num(x), cy: num(y), r: R, fill, stroke, 'stroke-width': 1.2 });
    });
    labels += labelLines(ctx, n, left + i * COLUMN, height - 40);
  });
  const width = left + (ctx.nodes.length - 1) * COLUMN + (hasOut ? 150 : 60);
  const mid = 30 + tallest / 2;
  const samples =
    (opts.samples?.input ? samplePicture(opts.samples.input, 20, mid - 50, 100, theme.muted) : '') +
    (opts.samples?.output
      ? samplePicture(opts.samples.output, width - 120, mid - 50, 100, theme.muted)
      : '');
  return page(
    ctx,
    `<g class="edges">${edges}</g><g class="layers">${circles}</g><g class="labels">${labels}</g>${samples}`,
    width,
    height,
  );
}
