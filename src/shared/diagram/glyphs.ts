import type { NodeKind } from '../graph/document';
import { LAYER_DESCRIPTORS } from '../layers/registry';
import type { DiagramOptions } from './options';
import { el, points } from './svgText';

/**
 * A glyph's geometry in screen terms: a front face of w × h and an oblique depth of dx, dy
 * (up and to the right), so flat tensors read as thin bars and images as cuboids (Net2Vis).
 */
export interface Glyph {
  form: 'bar' | 'cuboid' | 'unknown';
  w: number;
  h: number;
  dx: number;
  dy: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** A flat layer's height from its number of values: the hourglass comes from this. */
const flatExtent = (units: number, sizing: DiagramOptions['sizing']) =>
  sizing === 'sqrt'
    ? clamp(6 * Math.sqrt(units), 10, 200)
    : clamp(24 * Math.log2(units + 1), 10, 200);

/** An image side in pixels of the picture. */
const spatialExtent = (side: number) => clamp(14 + 4 * side, 16, 170);

/** Feature maps become depth along the flow: more channels, a deeper box. */
const channelExtent = (channels: number) => clamp(6 + 7 * Math.log2(channels), 6, 80);

/** The glyph of one layer from its output shape (null: unknown yet). */
export function glyphFor(
  kind: NodeKind,
  shape: readonly number[] | null,
  options: DiagramOptions,
): Glyph {
  // Kinds that keep their input's shape are thin slabs, so the eye skips them.
  const slab = LAYER_DESCRIPTORS[kind].diagram.slab === true;
  const along = (thick: number, across: number, depth: number): Glyph =>
    options.direction === 'LR'
      ? { form: 'bar', w: thick, h: across, dx: depth, dy: depth }
      : { form: 'bar', w: across, h: thick, dx: depth, dy: depth };
  if (!shape) return { ...along(14, 40, 5), form: 'unknown' };
  if (shape.length === 3) {
    const [h, w, c] = shape;
    const face = spatialExtent(h);
    const depth = slab ? 6 : channelExtent(c);
    const oblique = Math.min(spatialExtent(w) * 0.32, 44);
    const dx = oblique * 0.85;
    const dy = oblique * 0.55;
    return options.direction === 'LR'
      ? { form: 'cuboid', w: depth, h: face, dx, dy }
      : { form: 'cuboid', w: face, h: depth, dx, dy };
  }
  const units = shape.reduce((a, b) => a * b, 1);
  return along(slab ? 7 : 14, flatExtent(units, options.sizing), slab ? 3 : 5);
}

/** The glyph's full extent including its depth: [width, height]. */
export const glyphBox = (g: Glyph): [number, number] => [g.w + g.dx, g.h + g.dy];

export interface GlyphPaint {
  front: string;
  top: string;
  side: string;
  stroke: string;
  dashed: boolean;
}

/** Draws a glyph whose front face's top-left corner is at (x, y). */
export function drawGlyph(g: Glyph, x: number, y: number, paint: GlyphPaint): string {
  const common = {
    stroke: paint.stroke,
    'stroke-width': 0.8,
    'stroke-linejoin': 'round',
    'stroke-dasharray': paint.dashed ? '3 2' : null,
  };
  const { w, h, dx, dy } = g;
  const top = points([
    [x, y],
    [x + dx, y - dy],
    [x + w + dx, y - dy],
    [x + w, y],
  ]);
  const side = points([
    [x + w, y],
    [x + w + dx, y - dy],
    [x + w + dx, y + h - dy],
    [x + w, y + h],
  ]);
  return (
    el('polygon', { points: top, fill: paint.top, ...common }) +
    el('polygon', { points: side, fill: paint.side, ...common }) +
    el('rect', { x, y, width: w, height: h, fill: paint.front, ...common })
  );
}
