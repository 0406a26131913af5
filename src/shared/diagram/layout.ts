import type { NodeRole } from '../compiler/types';
import type { GraphNode } from '../graph/document';
import { glyphBox, glyphFor, type Glyph } from './glyphs';
import { detailLine, nameLine, shapeLine } from './labels';
import type { DiagramOptions } from './options';
import { textWidth } from './svgText';
import { ranksOf, type VisibleGraph } from './visible';

export interface LabelLine {
  text: string;
  size: number;
  weight: 400 | 600;
  tone: 'text' | 'muted';
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface LaidNode {
  node: GraphNode;
  shape: number[] | null;
  role: NodeRole | null;
  glyph: Glyph;
  rank: number;
  /** Top-left corner of the glyph's front face. */
  x: number;
  y: number;
  /** The glyph with its depth. */
  box: Box;
  lines: LabelLine[];
  /** Where the label block starts: its first baseline's anchor. */
  labelX: number;
  labelY: number;
  labelAnchor: 'start' | 'middle';
  labelBox: Box;
}

export interface Layout {
  nodes: LaidNode[];
  /** Column (LR) or row (TB) spans along the flow, with the largest extent across it. */
  ranks: { lo: number; hi: number; extent: number }[];
  direction: DiagramOptions['direction'];
}

export interface NodeFacts {
  shape: number[] | null;
  role: NodeRole | null;
}

const LINE_GAP = 4;
/** Space between columns beyond the widest of glyph and label. */
const RANK_GAP = 28;
const LABEL_PAD = 12;

function labelLines(node: GraphNode, facts: NodeFacts, options: DiagramOptions): LabelLine[] {
  const lines: LabelLine[] = [
    {
      text: nameLine(node, options.overrides[node.id]?.label),
      size: 13,
      weight: 600,
      tone: 'text',
    },
  ];
  if (options.details)
    lines.push({ text: detailLine(node), size: 11.5, weight: 400, tone: 'text' });
  if (options.shapes)
    lines.push({ text: shapeLine(facts.shape), size: 11, weight: 400, tone: 'muted' });
  return lines;
}

const blockWidth = (lines: LabelLine[]) =>
  Math.max(...lines.map((l) => textWidth(l.text, l.size, l.weight === 600)));
const blockHeight = (lines: LabelLine[]) =>
  lines.reduce((sum, l) => sum + l.size + LINE_GAP, -LINE_GAP);

/**
 * Places every shown node: columns by longest path, each glyph centred on the flow axis (cross
 * coordinate 0) so sizes read as an hourglass; labels share one baseline where they can.
 */
export function layoutDiagram(
  graph: VisibleGraph,
  facts: (id: string) => NodeFacts,
  options: DiagramOptions,
): Layout {
  const lr = options.direction === 'LR';
  const ranks = ranksOf(graph);
  const byRank: GraphNode[][] = [];
  for (const node of graph.nodes) (byRank[ranks.get(node.id)!] ??= []).push(node);
  // Within a column keep the editor's order (top to bottom), so the picture matches the canvas.
  for (const column of byRank) column?.sort((a, b) => a.position.y - b.position.y);

  const prepared = new Map(
    graph.nodes.map((node) => {
      const f = facts(node.id);
      const glyph = glyphFor(node.kind, f.shape, options);
      const [bw, bh] = glyphBox(glyph);
      const lines = labelLines(node, f, options);
      return [node.id, { f, glyph, main: lr ? bw : bh, cross: lr ? bh : bw, lines }] as const;
    }),
  );

  const placed: LaidNode[] = [];
  const rankSpans: Layout['ranks'] = [];
  let at = 0;
  const columns = byRank.filter((c) => c && c.length > 0);
  const lastInRank: LaidNode[] = [];
  for (const [r, column] of columns.entries()) {
    const items = column.map((n) => ({ node: n, ...prepared.get(n.id)! }));
    const size = Math.max(
      ...items.map((i) =>
        lr ? Math.max(i.main, blockWidth(i.lines)) : Math.max(i.main, blockHeight(i.lines)),
      ),
    );
    const center = at + size / 2;
    // Stack the column's glyphs across the axis, leaving room for each label but the last.
    const gaps = items
      .slice(0, -1)
      .map((i) => (lr ? blockHeight(i.lines) : blockWidth(i.lines)) + 2 * LABEL_PAD + 8);
    const total = items.reduce((s, i) => s + i.cross, 0) + gaps.reduce((s, g) => s + g, 0);
    let cross = -total / 2;
    items.forEach((item, k) => {
      const mainLo = center - item.main / 2;
      // A lone glyph centres its front face on the axis, so the flow runs straight through it;
      // stacked ones share the column by their full boxes.
      const g = item.glyph;
      const crossLo = items.length === 1 ? (lr ? -g.h / 2 - g.dy : -g.w / 2) : cross;
      cross += item.cross + (gaps[k] ?? 0);
      const box: Box = lr
        ? { left: mainLo, top: crossLo, right: mainLo + item.main, bottom: crossLo + item.cross }
        : { left: crossLo, top: mainLo, right: crossLo + item.cross, bottom: mainLo + item.main };
      const laid: LaidNode = {
        node: item.node,
        shape: item.f.shape,
        role: item.f.role,
        glyph: item.glyph,
        rank: r,
        x: box.left,
        y: box.top + item.glyph.dy,
        box,
        lines: item.lines,
        labelX: 0,
        labelY: 0,
        labelAnchor: lr ? 'middle' : 'start',
        labelBox: box,
      };
      placed.push(laid);
      if (k === items.length - 1) lastInRank.push(laid);
    });
    rankSpans.push({ lo: at, hi: at + size, extent: total });
    at += size + RANK_GAP;
  }

  // Labels: the last node of each column shares one baseline (LR) or one left edge (TB).
  const shared = lr
    ? Math.max(...lastInRank.map((n) => n.box.bottom)) + LABEL_PAD
    : Math.max(...lastInRank.map((n) => n.box.right)) + LABEL_PAD;
  for (const n of placed) {
    const height = blockHeight(n.lines);
    const width = blockWidth(n.lines);
    const last = lastInRank.includes(n);
    if (lr) {
      n.labelX = (n.box.left + n.box.right - n.glyph.dx) / 2;
      const top = last ? shared : n.box.bottom + LABEL_PAD;
      n.labelY = top + n.lines[0].size;
      n.labelBox = {
        left: n.labelX - width / 2,
        top,
        right: n.labelX + width / 2,
        bottom: top + height,
      };
    } else {
      n.labelX = last ? shared : n.box.right + LABEL_PAD;
      const top = (n.box.top + n.box.bottom) / 2 - height / 2;
      n.labelY = top + n.lines[0].size;
      n.labelBox = { left: n.labelX, top, right: n.labelX + width, bottom: top + height };
    }
  }
  return { nodes: placed, ranks: rankSpans, direction: options.direction };
}

/** The box around everything placed. */
export function boundsOf(boxes: Box[]): Box {
  return {
    left: Math.min(...boxes.map((b) => b.left)),
    top: Math.min(...boxes.map((b) => b.top)),
    right: Math.max(...boxes.map((b) => b.right)),
    bottom: Math.max(...boxes.map((b) => b.bottom)),
  };
}

export const LINE_SPACING = LINE_GAP;
