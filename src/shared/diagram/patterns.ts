import type { Texture } from './palette';
import { el } from './svgText';

const SIZE = 6;

/** The strokes of one texture tile, drawn in `ink` over the tile's fill. */
function strokes(texture: Exclude<Texture, 'none'>, ink: string): string {
  const line = (x1: number, y1: number, x2: number, y2: number) =>
    el('line', { x1, y1, x2, y2, stroke: ink, 'stroke-width': 0.8 });
  switch (texture) {
    case 'diag':
      return (
        line(0, SIZE, SIZE, 0) + line(-1, 1, 1, -1) + line(SIZE - 1, SIZE + 1, SIZE + 1, SIZE - 1)
      );
    case 'antidiag':
      return (
        line(0, 0, SIZE, SIZE) + line(SIZE - 1, -1, SIZE + 1, 1) + line(-1, SIZE - 1, 1, SIZE + 1)
      );
    case 'cross':
      return line(0, SIZE, SIZE, 0) + line(0, 0, SIZE, SIZE);
    case 'dots':
      return el('circle', { cx: SIZE / 2, cy: SIZE / 2, r: 0.9, fill: ink });
    case 'horiz':
      return line(0, SIZE / 2, SIZE, SIZE / 2);
    case 'vert':
      return line(SIZE / 2, 0, SIZE / 2, SIZE);
    case 'grid':
      return line(0, SIZE / 2, SIZE, SIZE / 2) + line(SIZE / 2, 0, SIZE / 2, SIZE);
  }
}

/** The id of the pattern for a texture over a fill colour. */
export const patternId = (texture: Texture, fill: string): string =>
  `tex-${texture}-${fill.replace('#', '').toLowerCase()}`;

/** An SVG <pattern> for a texture over a fill: what print mode paints glyphs with. */
export function patternDef(texture: Exclude<Texture, 'none'>, fill: string, ink: string): string {
  return el(
    'pattern',
    { id: patternId(texture, fill), width: SIZE, height: SIZE, patternUnits: 'userSpaceOnUse' },
    el('rect', { width: SIZE, height: SIZE, fill }),
    strokes(texture, ink),
  );
}
