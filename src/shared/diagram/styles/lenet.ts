import type { GraphAnalysis } from '../../compiler/types';
import type { GraphDocument } from '../../graph/document';
import type { DiagramOptionsInput } from '../options';
import { kindStyle, shade } from '../palette';
import { el, num } from '../svgText';
import { labelLines, page, samplePicture, styleContext } from './common';

const MAX_MAPS = 8;
const OFFSET = 6;

/**
 * LeNet's picture for convolutional networks: a layer of feature maps is a stack of squares (one
 * per map, up to eight drawn), sized by the map's height and width; a flat layer is a thin bar
 * whose height follows its number of values.
 */
export function lenetSvg(
  doc: GraphDocument,
  options: DiagramOptionsInput = {},
  analysis?: GraphAnalysis,
): string {
  const ctx = styleContext(doc, options, analysis);
  const { theme, opts } = ctx;
  const sizes = ctx.nodes.map((n) => {
    const s = ctx.shapeOf(n.id) ?? [1];
    if (s.length === 3) {
      const side = 24 + Math.sqrt(s[0] * s[1]) * 3.2;
      return {
        w: side * (s[1] / Math.max(s[0], s[1])),
        h: side * (s[0] / Math.max(s[0], s[1])),
        maps: Math.min(s[2], MAX_MAPS),
      };
    }
    const n1 = s.reduce((a, b) => a * b, 1);
    return { w: 12, h: Math.min(200, 16 + Math.sqrt(n1) * 5), maps: 1 };
  });
  const tallest = Math.max(...sizes.map((s) => s.h + s.maps * OFFSET), 40);
  const hasIn = Boolean(opts.samples?.input);
  let x = hasIn ? 150 : 40;
  const mid = 30 + tallest / 2;
  let layers = '';
  let labels = '';
  let arrows = '';
  ctx.nodes.forEach((n, i) => {
    const { w, h, maps } = sizes[i];
    const fill = opts.overrides[n.id]?.color ?? kindStyle(n.kind, opts.palette).fill;
    const stroke = theme.ink ?? shade(fill, -0.45);
    const stackW = w + (maps - 1) * OFFSET;
    let maps_ = '';
    for (let k = maps - 1; k >= 0; k--) {
      maps_ += el('rect', {
        x: num(x + k * OFFSET),
        y: num(mid - h / 2 - k * OFFSET + ((maps - 1) * OFFSET) / 2),
        width: num(w),
        height: num(h),
        fill: shade(fill, k === 0 ? 0 : 0.12),
        stroke,
        'stroke-width': 1,
      });
    }
    layers += `<g class="layer">${maps_}</g>`;
    labels += labelLines(ctx, n, x + stackW / 2, 30 + tallest + 28);
    if (i < ctx.nodes.length - 1) {
      const x2 = x + stackW + 56;
      arrows += `<path d="M${num(x + stackW + 8)},${num(mid)}H${num(x2 - 10)}" stroke="${theme.edge}" stroke-width="1.4" fill="none"/><path d="M${num(x2 - 10)},${num(mid - 4)}L${num(x2 - 2)},${num(mid)}L${num(x2 - 10)},${num(mid + 4)}z" fill="${theme.edge}"/>`;
    }
    x += stackW + 56;
  });
  const width = x + (opts.samples?.output ? 130 : 0);
  const samples =
    (opts.samples?.input ? samplePicture(opts.samples.input, 20, mid - 50, 100, theme.muted) : '') +
    (opts.samples?.output ? samplePicture(opts.samples.output, x, mid - 50, 100, theme.muted) : '');
  return page(
    ctx,
    `<g class="arrows">${arrows}</g><g class="layers">${layers}</g><g class="labels">${labels}</g>${samples}`,
    width,
    tallest + 100,
  );
}
