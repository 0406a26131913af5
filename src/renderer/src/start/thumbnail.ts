import type { GraphDocument } from '../../../shared/graph/document';
import { LAYER_DESCRIPTORS } from '../../../shared/layers';

export interface ThumbBox {
  id: string;
  x: number;
  y: number;
  category: string;
}

export interface Thumbnail {
  width: number;
  height: number;
  boxes: ThumbBox[];
  lines: { x1: number; y1: number; x2: number; y2: number }[];
  box: { width: number; height: number };
}

/** A layer's box in the thumbnail: the node's shape, shrunk with the layout. */
const NODE = { width: 160, height: 98 };

/** A small drawing of a graph: its nodes as boxes where they sit and its edges as lines, fitted into width × height. */
export function thumbnailOf(doc: GraphDocument, width = 240, height = 90, pad = 8): Thumbnail {
  if (doc.nodes.length === 0)
    return { width, height, boxes: [], lines: [], box: { width: 0, height: 0 } };
  const left = Math.min(...doc.nodes.map((n) => n.position.x));
  const top = Math.min(...doc.nodes.map((n) => n.position.y));
  const right = Math.max(...doc.nodes.map((n) => n.position.x + NODE.width));
  const bottom = Math.max(...doc.nodes.map((n) => n.position.y + NODE.height));
  const scale = Math.min((width - 2 * pad) / (right - left), (height - 2 * pad) / (bottom - top));
  const offX = (width - (right - left) * scale) / 2;
  const offY = (height - (bottom - top) * scale) / 2;
  const box = { width: NODE.width * scale, height: NODE.height * scale };
  const at = new Map(
    doc.nodes.map((n) => [
      n.id,
      { x: offX + (n.position.x - left) * scale, y: offY + (n.position.y - top) * scale },
    ]),
  );
  const boxes = doc.nodes.map((n) => ({
    id: n.id,
    ...at.get(n.id)!,
    category: LAYER_DESCRIPTORS[n.kind].category.toLowerCase(),
  }));
  const lines = doc.edges.flatMap((e) => {
    const a = at.get(e.source);
    const b = at.get(e.target);
    if (!a || !b) return [];
    return [{ x1: a.x + box.width, y1: a.y + box.height / 2, x2: b.x, y2: b.y + box.height / 2 }];
  });
  return { width, height, boxes, lines, box };
}
