import type { Box } from '../layout';
import type { DiagramOptions } from '../options';
import type { ThemeColors } from '../palette';
import { samplePicture } from './common';

const SIZE = 96;
const GAP = 28;

/** The box style's sample pictures: the input left of the first layer, the output right of the last. */
export function drawSamples(
  opts: DiagramOptions,
  bounds: Box,
  theme: ThemeColors,
): { svg: string; boxes: Box[] } | null {
  const s = opts.samples;
  if (!s || (!s.input && !s.output)) return null;
  const y = (bounds.top + bounds.bottom) / 2 - SIZE / 2;
  const boxes: Box[] = [];
  let svg = '';
  if (s.input) {
    const x = bounds.left - GAP - SIZE;
    svg += samplePicture(s.input, x, y, SIZE, theme.muted);
    boxes.push({ left: x, top: y, right: x + SIZE, bottom: y + SIZE });
  }
  if (s.output) {
    const x = bounds.right + GAP;
    svg += samplePicture(s.output, x, y, SIZE, theme.muted);
    boxes.push({ left: x, top: y, right: x + SIZE, bottom: y + SIZE });
  }
  return { svg, boxes };
}
