import { analyzeGraph } from '../../compiler/analyze';
import type { GraphAnalysis } from '../../compiler/types';
import { xmlText } from '../../escape/xml';
import type { GraphDocument, GraphNode } from '../../graph/document';
import {
  DEFAULT_DIAGRAM_OPTIONS,
  diagramOptionsSchema,
  type DiagramOptions,
  type DiagramOptionsInput,
} from '../options';
import { themeColors, type ThemeColors } from '../palette';
import { el, num, text } from '../svgText';
import { visibleGraph, type VisibleEdge } from '../visible';

export const FONT_FAMILY = "Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";

export interface StyleContext {
  opts: DiagramOptions;
  theme: ThemeColors;
  nodes: GraphNode[];
  edges: VisibleEdge[];
  shapeOf: (id: string) => number[] | null;
}

/** What every style starts from: parsed options, colours, the visible layers in flow order. */
export function styleContext(
  doc: GraphDocument,
  options: DiagramOptionsInput,
  analysis: GraphAnalysis = analyzeGraph(doc),
): StyleContext {
  const parsed = diagramOptionsSchema.safeParse(options);
  const opts = parsed.success ? parsed.data : DEFAULT_DIAGRAM_OPTIONS;
  const visible = visibleGraph(doc, analysis.order, opts);
  return {
    opts,
    theme: themeColors(opts),
    nodes: visible.nodes,
    edges: visible.edges,
    shapeOf: (id) => analysis.nodes[id]?.shape ?? null,
  };
}

/** A sample picture drawn as grey squares (no raster, so the SVG stays pure text). */
export function samplePicture(
  sample: { height: number; width: number; values: number[] },
  x: number,
  y: number,
  size: number,
  ink: string,
): string {
  const cell = size / Math.max(sample.height, sample.width);
  const parts: string[] = [
    el('rect', {
      x,
      y,
      width: size,
      height: size,
      fill: '#ffffff',
      stroke: ink,
      'stroke-width': 0.5,
    }),
  ];
  for (let i = 0; i < sample.height; i++)
    for (let j = 0; j < sample.width; j++) {
      const v = Math.min(1, Math.max(0, sample.values[i * sample.width + j] ?? 0));
      if (v < 0.04) continue;
      const g = Math.round(255 - v * 255);
      parts.push(
        `<rect x="${num(x + j * cell)}" y="${num(y + i * cell)}" width="${num(cell + 0.05)}" height="${num(cell + 0.05)}" fill="rgb(${g},${g},${g})"/>`,
      );
    }
  return `<g class="sample">${parts.join('')}</g>`;
}

/** The page around a drawing: size, background (none when transparent), title. */
export function page(ctx: StyleContext, content: string, width: number, height: number): string {
  const { opts, theme } = ctx;
  const top = opts.title ? 36 : 0;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.ceil(width)}" height="${Math.ceil(height + top)}" viewBox="0 0 ${Math.ceil(width)} ${Math.ceil(height + top)}" role="img">`,
    `<title>${xmlText(opts.title ?? 'Autoencoder diagram')}</title>`,
    opts.transparent
      ? ''
      : el('rect', {
          width: Math.ceil(width),
          height: Math.ceil(height + top),
          fill: theme.background,
        }),
    `<g font-family="${xmlText(FONT_FAMILY)}">`,
    opts.title
      ? text(opts.title, { x: 24, y: 28, 'font-size': 18, 'font-weight': 600, fill: theme.text })
      : '',
    `<g transform="translate(0,${top})">${content}</g>`,
    '</g></svg>',
  ].join('\n');
}

/** The layer's name and shape line under it. */
export function labelLines(ctx: StyleContext, node: GraphNode, x: number, y: number): string {
  const label = ctx.opts.overrides[node.id]?.label ?? node.name;
  const shape = ctx.shapeOf(node.id);
  return (
    text(label, {
      x,
      y,
      'text-anchor': 'middle',
      'font-size': 12,
      'font-weight': 600,
      fill: ctx.theme.text,
    }) +
    (ctx.opts.shapes && shape
      ? text(shape.join('×'), {
          x,
          y: y + 15,
          'text-anchor': 'middle',
          'font-size': 11,
          fill: ctx.theme.muted,
        })
      : '')
  );
}
