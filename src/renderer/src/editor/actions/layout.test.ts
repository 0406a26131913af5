import { describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../../../shared/graph/document';
import { getPreset, PRESETS } from '../../../../shared/presets';
import {
  COMFORTABLE_ZOOM,
  FIT_MAX_ZOOM,
  FIT_PADDING,
  MIN_READABLE_ZOOM,
  readableViewport,
} from '../../canvas/readableFit';
import { documentBounds } from '../../canvas/useCanvasView';
import { autoLayout, type LayoutDirection } from './layout';

/** A node as the canvas draws it (canvas.css .layer-node: 160 wide, about 110 high), rounded up. */
const DRAWN = { width: 160, height: 120 };
/**
 * The canvas of a 1280 × 720 window (summary folded, the toolbar's band taken off: measured in
 * e2e/canvas.e2e.ts), and of bigger and smaller ones.
 */
const CANVASES = [
  { width: 678, height: 539 },
  { width: 1068, height: 600 },
  { width: 1228, height: 780 },
  { width: 700, height: 480 },
  { width: 2400, height: 1300 },
];
const DIRECTIONS: LayoutDirection[] = ['LR', 'TB'];

const laidOut = (doc: GraphDocument, direction: LayoutDirection, canvas = CANVASES[0]) =>
  autoLayout(doc, {
    direction,
    canvas: { ...canvas, padding: FIT_PADDING, maxZoom: FIT_MAX_ZOOM },
    comfortableZoom: COMFORTABLE_ZOOM,
  });

/**
 * The bands of a laid-out design, read off the positions alone: along the flow's cross axis,
 * nodes whose boxes are further apart than stacked branches (36) start a new band.
 */
function bandsOf(doc: GraphDocument, direction: LayoutDirection): Map<string, number> {
  const cross = (n: GraphDocument['nodes'][number]) =>
    direction === 'LR' ? n.position.y : n.position.x;
  const size = direction === 'LR' ? DRAWN.height : DRAWN.width;
  const sorted = [...doc.nodes].sort((a, b) => cross(a) - cross(b));
  const band = new Map<string, number>();
  let current = 0;
  let end = -Infinity;
  for (const n of sorted) {
    if (end !== -Infinity && cross(n) > end + 60) current++;
    band.set(n.id, current);
    end = Math.max(end, cross(n) + size);
  }
  return band;
}

function expectNoOverlap(doc: GraphDocument, label: string) {
  for (const [i, a] of doc.nodes.entries())
    for (const b of doc.nodes.slice(i + 1)) {
      const apart =
        Math.abs(a.position.x - b.position.x) >= DRAWN.width ||
        Math.abs(a.position.y - b.position.y) >= DRAWN.height;
      expect(apart, `${label}: ${a.id} and ${b.id} overlap`).toBe(true);
    }
}

/** Every edge runs forward: along its band's reading direction, or on into a later band. */
function expectEdgesForward(doc: GraphDocument, direction: LayoutDirection, label: string) {
  const band = bandsOf(doc, direction);
  const at = new Map(doc.nodes.map((n) => [n.id, n.position]));
  const main = (id: string) => (direction === 'LR' ? at.get(id)!.x : at.get(id)!.y);
  for (const e of doc.edges) {
    const from = band.get(e.source)!;
    const to = band.get(e.target)!;
    if (from === to) {
      const reading = from % 2 === 0 ? 1 : -1;
      expect((main(e.target) - main(e.source)) * reading, `${label}: ${e.id}`).toBeGreaterThan(0);
    } else expect(to, `${label}: ${e.id} goes back a band`).toBeGreaterThan(from);
  }
}

describe('auto-layout', () => {
  it('lays out every preset, both ways, on small and large canvases, with no two layers on top of each other', () => {
    for (const preset of PRESETS)
      for (const direction of DIRECTIONS)
        for (const canvas of CANVASES) {
          const label = `${preset.id} ${direction} ${canvas.width}×${canvas.height}`;
          const doc = laidOut(preset.graph, direction, canvas);
          expect(doc.nodes.map((n) => n.id)).toEqual(preset.graph.nodes.map((n) => n.id));
          expect(doc.edges).toEqual(preset.graph.edges);
          expectNoOverlap(doc, label);
        }
  });

  it('keeps every edge pointing forward, rows that wrap reading back and forth like a snake', () => {
    for (const preset of PRESETS)
      for (const direction of DIRECTIONS)
        for (const canvas of CANVASES) {
          const label = `${preset.id} ${direction} ${canvas.width}×${canvas.height}`;
          expectEdgesForward(laidOut(preset.graph, direction, canvas), direction, label);
        }
  });

  it('wraps the 13-layer convolutional network into snaking rows that fit a 1280 × 720 window readably', () => {
    const conv = getPreset('conv-upsampling')!.graph;
    const canvas = CANVASES[0];
    // The finding: in one row it fits only far below readable (names at 4 px).
    const row = readableViewport(
      documentBounds(autoLayout(conv), () => DRAWN)!,
      canvas,
      {
        minZoom: 0,
      },
    );
    expect(row.zoom).toBeLessThan(MIN_READABLE_ZOOM);

    const doc = laidOut(conv, 'LR', canvas);
    const bands = new Set(bandsOf(doc, 'LR').values());
    expect(bands.size).toBeGreaterThan(1);
    const view = readableViewport(
      documentBounds(doc, () => DRAWN)!,
      canvas,
      { minZoom: 0 },
    );
    expect(view.zoom).toBeGreaterThanOrEqual(COMFORTABLE_ZOOM * 0.9);
  });

  it('lays a network top to bottom when asked, each layer below the one it reads from', () => {
    const doc = autoLayout(getPreset('default')!.graph, { direction: 'TB' });
    const y = new Map(doc.nodes.map((n) => [n.id, n.position.y]));
    for (const e of doc.edges) expect(y.get(e.target)!).toBeGreaterThan(y.get(e.source)!);
  });

  it('leaves a long network in one row when no canvas is given, as before', () => {
    const doc = autoLayout(getPreset('conv-upsampling')!.graph);
    expect(new Set(doc.nodes.map((n) => n.position.y)).size).toBe(1);
    const x = new Map(doc.nodes.map((n) => [n.id, n.position.x]));
    for (const e of doc.edges) expect(x.get(e.target)!).toBeGreaterThan(x.get(e.source)!);
  });
});
