import type { NodeKind } from '../graph/document';
import { LAYER_DESCRIPTORS } from '../layers/registry';
import type { Box } from './layout';
import { el, text, textWidth } from './svgText';

/** How the legend names each kind (its descriptor's title): words a slide reader knows. */
export const kindTitle = (kind: NodeKind): string => LAYER_DESCRIPTORS[kind].title;

export interface LegendItem {
  kind: NodeKind;
  /** A fill: a colour or url(#pattern). */
  fill: string;
  stroke: string;
}

const SWATCH = 12;
const ITEM_GAP = 22;
const ROW = 22;
const FONT = 12;

/** Legend items in rows no wider than `width`, centred under the diagram at `top`. */
export function drawLegend(
  items: LegendItem[],
  center: number,
  top: number,
  width: number,
  textColor: string,
): { svg: string; box: Box } {
  const sized = items.map((i) => ({ ...i, w: SWATCH + 7 + textWidth(kindTitle(i.kind), FONT) }));
  const rows: (typeof sized)[] = [[]];
  let used = 0;
  for (const item of sized) {
    const need = item.w + (rows[rows.length - 1].length > 0 ? ITEM_GAP : 0);
    if (used + need > width && rows[rows.length - 1].length > 0) {
      rows.push([]);
      used = 0;
    }
    used += item.w + (rows[rows.length - 1].length > 0 ? ITEM_GAP : 0);
    rows[rows.length - 1].push(item);
  }
  let svg = '';
  let widest = 0;
  rows.forEach((row, r) => {
    const rowWidth = row.reduce((s, i) => s + i.w, 0) + ITEM_GAP * (row.length - 1);
    widest = Math.max(widest, rowWidth);
    let x = center - rowWidth / 2;
    const y = top + r * ROW;
    for (const item of row) {
      svg += el('rect', {
        x,
        y,
        width: SWATCH,
        height: SWATCH,
        rx: 2,
        fill: item.fill,
        stroke: item.stroke,
        'stroke-width': 0.8,
      });
      svg += text(kindTitle(item.kind), {
        x: x + SWATCH + 7,
        y: y + SWATCH - 1.5,
        'font-size': FONT,
        fill: textColor,
      });
      x += item.w + ITEM_GAP;
    }
  });
  const box = {
    left: center - widest / 2,
    top,
    right: center + widest / 2,
    bottom: top + rows.length * ROW - (ROW - SWATCH),
  };
  return { svg: `<g class="legend">${svg}</g>`, box };
}
