/** A rectangle in window pixels (what getBoundingClientRect gives). */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Placement {
  left: number;
  top: number;
  side: 'above' | 'below';
}

const GAP = 10;
const MARGIN = 8;

/**
 * Where a node's tooltip goes so all of it stays in the window: above the node, centred, when it
 * fits; below when the top edge (or the toolbar over the canvas, passed as `minTop`) is in the way;
 * and shifted sideways rather than cut off at the left or right edge.
 */
export function placeTooltip(
  anchor: Box,
  tip: { width: number; height: number },
  view: { width: number; height: number },
  minTop = 0,
): Placement {
  const top = Math.max(MARGIN, minTop);
  const aboveTop = anchor.top - GAP - tip.height;
  const belowTop = anchor.top + anchor.height + GAP;
  const fitsAbove = aboveTop >= top;
  const fitsBelow = belowTop + tip.height <= view.height - MARGIN;
  // Neither fits: the side with more room, then clamped into the window below.
  const roomier =
    anchor.top - top >= view.height - (anchor.top + anchor.height) ? 'above' : 'below';
  const side = fitsAbove ? 'above' : fitsBelow ? 'below' : roomier;
  const rawTop = side === 'above' ? aboveTop : belowTop;
  const centred = anchor.left + anchor.width / 2 - tip.width / 2;
  return {
    left: clamp(centred, MARGIN, view.width - MARGIN - tip.width),
    top: clamp(rawTop, top, view.height - MARGIN - tip.height),
    side,
  };
}

/** Clamps into [low, high]; when the tip is wider than the room, its start stays visible. */
function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(value, high));
}
