import dagre from '@dagrejs/dagre';
import type { GraphDocument } from '../../../../shared/graph/document';
import { chooseBandLength, snake, type FlowGeometry, type FlowPlace } from './wrap';

/** The size a layer node takes on the canvas (canvas.css .layer-node), for spacing. */
export const NODE = { width: 168, height: 104 };
const NODE_SEP = 36;
/**
 * Room between ranks for the shape label on the edge ("28×28×16" in 12 px mono is about 60): more
 * than dagre's usual, less than would cost a 1280 × 720 window its readable zoom.
 */
const RANK_SEP = 60;
/**
 * Between two wrapped bands: the turning edge with its shape label, and the region boxes' titles
 * (canvas/regions.ts tells bands apart by this gap), need more room than a rank.
 */
const BAND_GAP = 96;

export type LayoutDirection = 'LR' | 'TB';

export interface LayoutOptions {
  /** Left to right (the default) or top to bottom. */
  direction?: LayoutDirection;
  /**
   * The canvas to fit, in screen pixels, with fit's margin and largest zoom. Given it, a chain
   * that would only fit below `comfortableZoom` wraps into bands, snake-like; without it nothing
   * wraps.
   */
  canvas?: { width: number; height: number; padding: number; maxZoom: number };
  comfortableZoom?: number;
}

/**
 * Lays the network out with dagre (layered layout: each layer one rank after the layers it reads
 * from), left to right or top to bottom, wrapping a long chain when a canvas is given, and keeps
 * the graph where it was so the view does not jump.
 */
export function autoLayout(doc: GraphDocument, options: LayoutOptions = {}): GraphDocument {
  if (doc.nodes.length === 0) return doc;
  const lr = (options.direction ?? 'LR') === 'LR';
  const g = new dagre.graphlib.Graph();
  g.setGraph({
    rankdir: lr ? 'LR' : 'TB',
    nodesep: NODE_SEP,
    ranksep: RANK_SEP,
    marginx: 0,
    marginy: 0,
  });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of doc.nodes) g.setNode(n.id, { ...NODE });
  const ids = new Set(doc.nodes.map((n) => n.id));
  for (const e of doc.edges)
    if (ids.has(e.source) && ids.has(e.target)) g.setEdge(e.source, e.target);
  dagre.layout(g);

  const centres: FlowPlace[] = doc.nodes.map((n) => {
    const p = g.node(n.id);
    return { id: n.id, main: lr ? p.x : p.y, cross: lr ? p.y : p.x };
  });
  const geometry: FlowGeometry = {
    nodeMain: lr ? NODE.width : NODE.height,
    nodeCross: lr ? NODE.height : NODE.width,
    rankGap: RANK_SEP,
    bandGap: BAND_GAP,
  };
  const canvas = options.canvas;
  const wrapped = canvas
    ? snake(
        centres,
        chooseBandLength(
          centres,
          geometry,
          {
            main: lr ? canvas.width : canvas.height,
            cross: lr ? canvas.height : canvas.width,
            padding: canvas.padding,
            maxZoom: canvas.maxZoom,
          },
          options.comfortableZoom ?? 0.7,
        ),
        geometry,
      )
    : centres;

  const placed = wrapped.map((p) => ({
    id: p.id,
    x: (lr ? p.main : p.cross) - NODE.width / 2,
    y: (lr ? p.cross : p.main) - NODE.height / 2,
  }));
  const left = Math.min(...doc.nodes.map((n) => n.position.x));
  const top = Math.min(...doc.nodes.map((n) => n.position.y));
  const dx = left - Math.min(...placed.map((p) => p.x));
  const dy = top - Math.min(...placed.map((p) => p.y));
  const at = new Map(
    placed.map((p) => [p.id, { x: Math.round(p.x + dx), y: Math.round(p.y + dy) }]),
  );
  return { ...doc, nodes: doc.nodes.map((n) => ({ ...n, position: at.get(n.id)! })) };
}
