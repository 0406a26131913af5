/**
 * Wrapping a long layered layout into bands, snake-like: the first band reads along the flow, the
 * next one back, each under (or beside) the one before, so the edge between two bands is a short
 * turn instead of a line back across the whole canvas. Axis-free: "main" runs along the flow
 * (x for left to right, y for top to bottom), "cross" across it.
 */

/** A node's centre in flow terms. */
export interface FlowPlace {
  id: string;
  main: number;
  cross: number;
}

export interface FlowGeometry {
  /** A node's extent along and across the flow. */
  nodeMain: number;
  nodeCross: number;
  /** Free space between two consecutive ranks along the flow. */
  rankGap: number;
  /** Free space between two bands: room for the turning edge and its shape label. */
  bandGap: number;
}

/** The space to fill, along and across the flow, in screen pixels, and the margin fit leaves. */
export interface FlowCanvas {
  main: number;
  cross: number;
  padding: number;
  maxZoom: number;
}

/** The ranks in flow order: each one the ids whose centres share a position along the flow. */
export function ranksOf(places: readonly FlowPlace[]): string[][] {
  const byMain = new Map<number, string[]>();
  for (const p of places) {
    const key = Math.round(p.main);
    byMain.set(key, [...(byMain.get(key) ?? []), p.id]);
  }
  return [...byMain.entries()].sort((a, b) => a[0] - b[0]).map(([, ids]) => ids);
}

/** Lays ranks into bands of `perBand` ranks; odd bands run backwards. Same reference point in, out. */
export function snake(
  places: readonly FlowPlace[],
  perBand: number,
  geometry: FlowGeometry,
): FlowPlace[] {
  const at = new Map(places.map((p) => [p.id, p]));
  const ranks = ranksOf(places);
  const pitch = geometry.nodeMain + geometry.rankGap;
  const bandOf = (rank: number) => Math.floor(rank / perBand);
  const bands = bandOf(ranks.length - 1) + 1;
  // Each band keeps the cross offsets the layered layout gave its nodes (branches stay stacked).
  const low: number[] = Array.from({ length: bands }, () => Infinity);
  const high: number[] = Array.from({ length: bands }, () => -Infinity);
  ranks.forEach((ids, r) => {
    const b = bandOf(r);
    for (const id of ids) {
      low[b] = Math.min(low[b], at.get(id)!.cross);
      high[b] = Math.max(high[b], at.get(id)!.cross);
    }
  });
  const offset: number[] = [];
  let next = 0;
  for (let b = 0; b < bands; b++) {
    offset.push(next);
    next += high[b] - low[b] + geometry.nodeCross + geometry.bandGap;
  }
  return ranks.flatMap((ids, r) => {
    const b = bandOf(r);
    const step = r % perBand;
    const along = b % 2 === 0 ? step : perBand - 1 - step;
    return ids.map((id) => ({
      id,
      main: along * pitch,
      cross: offset[b] + at.get(id)!.cross - low[b],
    }));
  });
}

/** The extent of a layout whose places are one reference point of equal-sized nodes. */
export function extentOf(places: readonly FlowPlace[], geometry: FlowGeometry) {
  const mains = places.map((p) => p.main);
  const crosses = places.map((p) => p.cross);
  return {
    main: Math.max(...mains) - Math.min(...mains) + geometry.nodeMain,
    cross: Math.max(...crosses) - Math.min(...crosses) + geometry.nodeCross,
  };
}

/** The zoom at which a layout of that extent fits the canvas, as the canvas' fit computes it. */
export function fitZoom(extent: { main: number; cross: number }, canvas: FlowCanvas): number {
  const room = 1 + 2 * canvas.padding;
  return Math.min(
    canvas.maxZoom,
    canvas.main / (extent.main * room),
    canvas.cross / (extent.cross * room),
  );
}

/**
 * How many ranks a band holds: all of them while the unwrapped layout fits at `comfortable`
 * zoom, else the count that lets the whole layout fit largest. A tie goes to longer bands (fewer
 * turns to follow).
 */
export function chooseBandLength(
  places: readonly FlowPlace[],
  geometry: FlowGeometry,
  canvas: FlowCanvas,
  comfortable: number,
): number {
  const count = ranksOf(places).length;
  const zoomWith = (perBand: number) =>
    fitZoom(extentOf(snake(places, perBand, geometry), geometry), canvas);
  if (count <= 1 || zoomWith(count) >= comfortable) return count;
  let best = count;
  let bestZoom = zoomWith(count);
  for (let perBand = count - 1; perBand >= 1; perBand--) {
    const zoom = zoomWith(perBand);
    // 2 % better at least: a turn costs the reader more than a hair of size.
    if (zoom > bestZoom * 1.02) {
      best = perBand;
      bestZoom = zoom;
    }
  }
  return best;
}
