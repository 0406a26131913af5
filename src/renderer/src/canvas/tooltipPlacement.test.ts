import { describe, expect, it } from 'vitest';
import { placeTooltip } from './tooltipPlacement';

const view = { width: 1000, height: 800 };
const tip = { width: 260, height: 60 };
const node = (left: number, top: number) => ({ left, top, width: 180, height: 90 });
const inside = (p: { left: number; top: number }, minTop = 0) =>
  p.left >= 0 &&
  p.top >= minTop &&
  p.left + tip.width <= view.width &&
  p.top + tip.height <= view.height;

describe('where a node tooltip goes', () => {
  it('sits centred above a node in the middle of the window', () => {
    const p = placeTooltip(node(400, 400), tip, view);
    expect(p).toEqual({ side: 'above', left: 400 + 90 - 130, top: 400 - 10 - 60 });
  });

  it('flips below a node at the top edge instead of being cut off', () => {
    const p = placeTooltip(node(400, 20), tip, view);
    expect(p.side).toBe('below');
    expect(inside(p)).toBe(true);
  });

  it('flips below when the toolbar covers the room above', () => {
    const p = placeTooltip(node(400, 120), tip, view, 100);
    expect(p.side).toBe('below');
    expect(p.top).toBe(120 + 90 + 10);
  });

  it('shifts right of the left edge and left of the right edge', () => {
    expect(placeTooltip(node(-40, 400), tip, view).left).toBe(8);
    const right = placeTooltip(node(900, 400), tip, view);
    expect(right.left + tip.width).toBe(view.width - 8);
  });

  it('stays in the window in a corner, and for a node larger than the window', () => {
    for (const anchor of [
      node(960, 780),
      node(-100, -50),
      { left: -50, top: -50, width: 1200, height: 1000 },
    ])
      expect(inside(placeTooltip(anchor, tip, view))).toBe(true);
  });
});
