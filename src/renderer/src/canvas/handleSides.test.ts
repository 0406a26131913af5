import { describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../../shared/graph/document';
import { getPreset, PRESETS } from '../../../shared/presets';
import { autoLayout } from '../editor/actions/layout';
import { handleSides, type Side } from './handleSides';

const canvasOf = (width: number, height: number) => ({
  width,
  height,
  padding: 0.08,
  maxZoom: 1.1,
});

/** Whether a point `to` lies on that side of a point `from`. */
function faces(side: Side, from: { x: number; y: number }, to: { x: number; y: number }) {
  if (side === 'right') return to.x > from.x;
  if (side === 'left') return to.x < from.x;
  if (side === 'bottom') return to.y > from.y;
  return to.y < from.y;
}

function expectEdgesFaceEachOther(doc: GraphDocument, label: string) {
  const sides = handleSides(doc);
  const at = new Map(doc.nodes.map((n) => [n.id, n.position]));
  for (const e of doc.edges) {
    const s = at.get(e.source)!;
    const t = at.get(e.target)!;
    expect(faces(sides.get(e.source)!.out, s, t), `${label}: ${e.id} leaves away`).toBe(true);
    expect(faces(sides.get(e.target)!.in, t, s), `${label}: ${e.id} enters away`).toBe(true);
  }
}

describe('where the ports sit', () => {
  it('turns a wrapped row around: the second row reads right to left, the turn goes down', () => {
    const doc = autoLayout(getPreset('conv-upsampling')!.graph, {
      canvas: canvasOf(678, 539),
    });
    const sides = handleSides(doc);
    const rows = [...new Set(doc.nodes.map((n) => n.position.y))].sort((a, b) => a - b);
    expect(rows.length).toBeGreaterThan(1);
    const first = doc.nodes.filter((n) => n.position.y === rows[0]);
    const second = doc.nodes.filter((n) => n.position.y === rows[1]);
    // Across the first row's middle left to right, the second's right to left.
    expect(sides.get(first[1].id)).toEqual({ in: 'left', out: 'right' });
    expect(sides.get(second[1].id)).toEqual({ in: 'right', out: 'left' });
    // The turn: the last of a row gives on from its bottom, the first of the next takes at the top.
    expect(sides.get(first.at(-1)!.id)!.out).toBe('bottom');
    expect(sides.get(second[0].id)!.in).toBe('top');
  });

  it('faces every edge: out of its source towards the target, into the target from the source', () => {
    for (const preset of PRESETS) {
      expectEdgesFaceEachOther(preset.graph, `${preset.id} as drawn`);
      for (const direction of ['LR', 'TB'] as const)
        for (const [w, h] of [
          [678, 539],
          [1068, 600],
        ])
          expectEdgesFaceEachOther(
            autoLayout(preset.graph, { direction, canvas: canvasOf(w, h) }),
            `${preset.id} ${direction} ${w}×${h}`,
          );
    }
  });

  it('puts the ports of a loose layer along the design, and opposite the one side it connects', () => {
    const doc = getPreset('default')!.graph;
    const loose = {
      ...doc,
      nodes: [...doc.nodes, { ...doc.nodes[1], id: 'loose', position: { x: 2000, y: 2000 } }],
    };
    expect(handleSides(loose).get('loose')).toEqual({ in: 'left', out: 'right' });
    expect(handleSides(doc).get('input')).toEqual({ in: 'left', out: 'right' });
    expect(handleSides(doc).get('output')).toEqual({ in: 'left', out: 'right' });
  });
});
