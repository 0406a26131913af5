import { boundsOf, type Box, type LaidNode, type Layout } from './layout';
import type { GroupRole, ThemeColors } from './palette';
import { el, points, text } from './svgText';

/**
 * The roles outlined as groups, Net2Vis-style: an autoencoder's encoder, code and decoder, and an
 * adversarial game's prior, generator, discriminator and adversary. A game's networks run side by
 * side, so titles on one side would meet: a `side: 'auto'` group puts its title on the far side
 * (below in LR, right in TB) when it lies past the middle, the adversary's always goes there.
 */
const GROUPS: { role: GroupRole; title: string; side: 'near' | 'far' | 'auto' }[] = [
  { role: 'prior', title: 'PRIOR', side: 'auto' },
  { role: 'encoder', title: 'ENCODER', side: 'near' },
  { role: 'code', title: 'CODE', side: 'near' },
  { role: 'decoder', title: 'DECODER', side: 'near' },
  { role: 'generator', title: 'GENERATOR', side: 'auto' },
  { role: 'discriminator', title: 'DISCRIMINATOR', side: 'auto' },
  { role: 'adversary', title: 'ADVERSARY', side: 'far' },
];

const PAD = 7;

/**
 * The outline of one group: flat over each glyph, sloping between them, so the encoder narrows
 * into the code and the decoder widens out of it (the hourglass).
 */
function outline(nodes: LaidNode[], lr: boolean): [number, number][] {
  const ranks = [...new Set(nodes.map((n) => n.rank))].sort((a, b) => a - b);
  const spans = ranks.map((r) => {
    const b = boundsOf(nodes.filter((n) => n.rank === r).map((n) => n.box));
    return lr
      ? { mLo: b.left, mHi: b.right, cLo: b.top, cHi: b.bottom }
      : { mLo: b.top, mHi: b.bottom, cLo: b.left, cHi: b.right };
  });
  const upper = spans.flatMap((s) => [
    [s.mLo - PAD, s.cLo - PAD],
    [s.mHi + PAD, s.cLo - PAD],
  ]);
  const lower = [...spans].reverse().flatMap((s) => [
    [s.mHi + PAD, s.cHi + PAD],
    [s.mLo - PAD, s.cHi + PAD],
  ]);
  return [...upper, ...lower].map(([m, c]) => (lr ? [m, c] : [c, m]) as [number, number]);
}

export interface GroupDrawing {
  shapes: string;
  titles: string;
  /** Space the titles take, so the page grows to hold them. */
  boxes: Box[];
}

/** Each role's outline with its title; empty when no node has a grouped role. */
export function drawGroups(layout: Layout, theme: ThemeColors): GroupDrawing {
  const lr = layout.direction === 'LR';
  const all = boundsOf(layout.nodes.map((n) => n.box));
  // Far titles clear every label as well as every glyph.
  const outer = boundsOf(layout.nodes.flatMap((n) => [n.box, n.labelBox]));
  let shapes = '';
  let titles = '';
  const boxes: Box[] = [];
  for (const group of GROUPS) {
    const members = layout.nodes.filter((n) => n.role === group.role);
    if (members.length === 0) continue;
    const color = theme.groups[group.role];
    shapes += el('polygon', {
      points: points(outline(members, lr)),
      fill: color,
      'fill-opacity': theme.groupOpacity,
      stroke: color,
      'stroke-opacity': 0.55,
      'stroke-width': 1,
      'stroke-dasharray': '5 4',
      'stroke-linejoin': 'round',
    });
    const b = boundsOf(members.map((n) => n.box));
    const past = lr
      ? b.top + b.bottom > all.top + all.bottom
      : b.left + b.right > all.left + all.right;
    const far = group.side === 'far' || (group.side === 'auto' && past);
    const attrs = {
      fill: color,
      'font-size': 11,
      'font-weight': 600,
      'letter-spacing': 1.6,
    };
    if (lr && far) {
      const x = (b.left + b.right) / 2;
      const y = outer.bottom + PAD + 16;
      titles += text(group.title, { ...attrs, x, y, 'text-anchor': 'middle' });
      boxes.push({ left: x - 55, top: y - 12, right: x + 55, bottom: y });
    } else if (far) {
      const x = outer.right + PAD + 12;
      const y = (b.top + b.bottom) / 2 + 4;
      titles += text(group.title, { ...attrs, x, y, 'text-anchor': 'start' });
      boxes.push({ left: x, top: y - 12, right: x + 110, bottom: y });
    } else if (lr) {
      const x = (b.left + b.right) / 2;
      const y = all.top - PAD - 12;
      titles += text(group.title, { ...attrs, x, y, 'text-anchor': 'middle' });
      boxes.push({ left: x - 40, top: y - 12, right: x + 40, bottom: y });
    } else {
      const x = all.left - PAD - 12;
      const y = (b.top + b.bottom) / 2 + 4;
      titles += text(group.title, { ...attrs, x, y, 'text-anchor': 'end' });
      boxes.push({ left: x - 80, top: y - 12, right: x, bottom: y });
    }
  }
  return { shapes, titles, boxes };
}
