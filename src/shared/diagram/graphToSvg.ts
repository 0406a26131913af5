import { analyzeGraph } from '../compiler/analyze';
import type { GraphAnalysis } from '../compiler/types';
import type { GraphDocument, NodeKind } from '../graph/document';
import { drawEdges } from './edges';
import { embedGraph } from './embed';
import { drawGlyph, type GlyphPaint } from './glyphs';
import { drawGroups } from './groups';
import { boundsOf, layoutDiagram, LINE_SPACING, type Box, type LaidNode } from './layout';
import { drawLegend, type LegendItem } from './legend';
import {
  DEFAULT_DIAGRAM_OPTIONS,
  diagramOptionsSchema,
  type DiagramOptions,
  type DiagramOptionsInput,
} from './options';
import { kindStyle, shade, themeColors, type ThemeColors } from './palette';
import { patternDef, patternId } from './patterns';
import { xmlAttr, xmlText } from '../escape/xml';
import { el, num, text } from './svgText';
import { visibleGraph } from './visible';
import { lenetSvg } from './styles/lenet';
import { drawSamples } from './styles/samples';
import { neuronsSvg } from './styles/neurons';

const MARGIN = 32;
const FONT_FAMILY = "Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";

interface Paint extends GlyphPaint {
  /** The kind's plain fill (or its pattern), for the legend. */
  legendFill: string;
}

/** Colours of one node: its kind's style, a picture-only colour override winning over it. */
function paintOf(
  n: LaidNode,
  options: DiagramOptions,
  theme: ThemeColors,
  patterns: Map<string, string>,
): Paint {
  const style = kindStyle(n.node.kind, options.palette);
  const custom = options.overrides[n.node.id]?.color;
  const base = custom ?? style.fill;
  const textured = !custom && style.texture !== 'none';
  let front = base;
  if (style.texture !== 'none') {
    const id = patternId(style.texture, style.fill);
    patterns.set(id, patternDef(style.texture, style.fill, theme.ink ?? '#111111'));
    if (textured) front = `url(#${id})`;
  }
  return {
    front,
    top: shade(base, textured ? -0.05 : 0.3),
    side: shade(base, textured ? -0.2 : -0.18),
    stroke: theme.ink ?? shade(base, -0.4),
    dashed: n.glyph.form === 'unknown',
    legendFill:
      style.texture === 'none' ? style.fill : `url(#${patternId(style.texture, style.fill)})`,
  };
}

function drawLabel(n: LaidNode, theme: ThemeColors): string {
  let y = n.labelY;
  return n.lines
    .map((line, i) => {
      if (i > 0) y += LINE_SPACING + line.size;
      return text(line.text, {
        x: n.labelX,
        y,
        'text-anchor': n.labelAnchor,
        'font-size': line.size,
        'font-weight': line.weight === 600 ? 600 : null,
        fill: line.tone === 'text' ? theme.text : theme.muted,
      });
    })
    .join('');
}

/** An empty but valid page, for a selection with nothing in it. */
function emptySvg(theme: ThemeColors, options: DiagramOptions, doc: GraphDocument): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="360" height="120" viewBox="0 0 360 120">` +
    (options.embedGraph ? embedGraph(doc) : '') +
    el('rect', { width: 360, height: 120, fill: theme.background }) +
    text('Nothing to draw: no layer is selected or shown.', {
      x: 180,
      y: 64,
      'text-anchor': 'middle',
      'font-family': FONT_FAMILY,
      'font-size': 13,
      fill: theme.muted,
    }) +
    '</svg>'
  );
}

/**
 * The diagram of a graph as a standalone SVG: glyphs sized by tensor shape, an hourglass of
 * encoder, code and decoder, labels and a legend. Pure: no DOM, the same text every run.
 */
export function graphToSvg(
  doc: GraphDocument,
  options: DiagramOptionsInput = {},
  analysis: GraphAnalysis = analyzeGraph(doc),
): string {
  const parsed = diagramOptionsSchema.safeParse(options);
  const opts = parsed.success ? parsed.data : DEFAULT_DIAGRAM_OPTIONS;
  if (opts.style === 'neurons') return neuronsSvg(doc, opts, analysis);
  if (opts.style === 'lenet') return lenetSvg(doc, opts, analysis);
  const theme = themeColors(opts);
  const visible = visibleGraph(doc, analysis.order, opts);
  // The embedded graph is what the picture shows: a selection exports as its own small project.
  const embedded = opts.selection ? subgraph(doc, new Set(opts.selection)) : doc;
  if (visible.nodes.length === 0) return emptySvg(theme, opts, embedded);

  const layout = layoutDiagram(
    visible,
    (id) => ({ shape: analysis.nodes[id]?.shape ?? null, role: analysis.nodes[id]?.role ?? null }),
    opts,
  );
  const patterns = new Map<string, string>();
  const legend = new Map<NodeKind, LegendItem>();
  let glyphs = '';
  let labels = '';
  for (const n of layout.nodes) {
    const paint = paintOf(n, opts, theme, patterns);
    if (!legend.has(n.node.kind)) {
      legend.set(n.node.kind, {
        kind: n.node.kind,
        fill: paint.legendFill,
        stroke: theme.ink ?? shade(kindStyle(n.node.kind, opts.palette).fill, -0.4),
      });
    }
    glyphs += `<g class="layer" data-node-id="${xmlAttr(n.node.id)}">${drawGlyph(n.glyph, n.x, n.y, paint)}</g>`;
    labels += drawLabel(n, theme);
  }
  const groups = opts.groups
    ? drawGroups(layout, theme)
    : { shapes: '', titles: '', boxes: [] as Box[] };
  const edges = drawEdges(layout, visible.edges, theme.edge);

  let bounds = boundsOf([...layout.nodes.flatMap((n) => [n.box, n.labelBox]), ...groups.boxes]);
  const samples = drawSamples(opts, bounds, theme);
  if (samples) bounds = boundsOf([bounds, ...samples.boxes]);
  let legendSvg = '';
  if (opts.legend) {
    const width = Math.max(bounds.right - bounds.left, 520);
    const drawn = drawLegend(
      [...legend.values()],
      (bounds.left + bounds.right) / 2,
      bounds.bottom + 30,
      width,
      theme.text,
    );
    legendSvg = drawn.svg;
    bounds = boundsOf([bounds, drawn.box]);
  }
  let titleSvg = '';
  if (opts.title) {
    const y = bounds.top - 18;
    titleSvg = text(opts.title, {
      x: bounds.left,
      y,
      'font-size': 18,
      'font-weight': 600,
      fill: theme.text,
    });
    bounds = boundsOf([
      bounds,
      { left: bounds.left, top: y - 18, right: bounds.left + 10, bottom: y },
    ]);
  }

  const width = Math.ceil(bounds.right - bounds.left + 2 * MARGIN);
  const height = Math.ceil(bounds.bottom - bounds.top + 2 * MARGIN);
  const shift = `translate(${num(MARGIN - bounds.left)},${num(MARGIN - bounds.top)})`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">`,
    `<title>${xmlText(opts.title ?? 'Autoencoder diagram')}</title>`,
    opts.embedGraph ? embedGraph(embedded) : '',
    patterns.size > 0 ? `<defs>${[...patterns.values()].join('')}</defs>` : '',
    opts.transparent ? '' : el('rect', { width, height, fill: theme.background }),
    `<g transform="${shift}" font-family="${xmlAttr(FONT_FAMILY)}">`,
    `<g class="groups">${groups.shapes}${groups.titles}</g>`,
    `<g class="edges">${edges}</g>`,
    `<g class="layers">${glyphs}</g>`,
    `<g class="labels">${labels}</g>`,
    samples?.svg ?? '',
    legendSvg,
    titleSvg,
    '</g>',
    '</svg>',
  ].join('\n');
}

/** The nodes of a selection and the edges between them. */
function subgraph(doc: GraphDocument, ids: Set<string>): GraphDocument {
  return {
    ...doc,
    nodes: doc.nodes.filter((n) => ids.has(n.id)),
    edges: doc.edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
  };
}
