import { describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../../shared/graph/document';
import { toFlowEdges, toFlowNodes } from './flowModel';

const doc: GraphDocument = {
  version: 1,
  nodes: [
    { id: 'in', kind: 'Input', name: 'digits', params: { shape: [784] }, position: { x: 0, y: 0 } },
    { id: 'd1', kind: 'Dense', name: 'enc', params: { units: 32 }, position: { x: 260, y: 10 } },
  ],
  edges: [{ id: 'e1', source: 'in', target: 'd1', targetPort: 'in' }],
};

describe('the canvas view of a graph document', () => {
  it('puts the ports of a row on the left and right, of a column on the top and bottom', () => {
    expect(toFlowNodes(doc, []).map((n) => [n.data.inSide, n.data.outSide])).toEqual([
      ['left', 'right'],
      ['left', 'right'],
    ]);
    const column = {
      ...doc,
      nodes: doc.nodes.map((n, i) => ({ ...n, position: { x: 0, y: i * 200 } })),
    };
    expect(toFlowNodes(column, []).map((n) => [n.data.inSide, n.data.outSide])).toEqual([
      ['top', 'bottom'],
      ['top', 'bottom'],
    ]);
  });

  it('gives every node a layer node at its position, selected when the store says so', () => {
    const nodes = toFlowNodes(doc, ['d1']);
    expect(nodes.map((n) => [n.id, n.type, n.selected])).toEqual([
      ['in', 'layer', false],
      ['d1', 'layer', true],
    ]);
    expect(nodes[1].position).toEqual({ x: 260, y: 10 });
  });

  it('labels each edge with the shape its source gives and targets the right port', () => {
    const edges = toFlowEdges(doc, (id) => (id === 'in' ? [28, 28, 1] : null));
    expect(edges[0]).toMatchObject({
      source: 'in',
      target: 'd1',
      targetHandle: 'in',
      label: '28×28×1',
    });
  });
});
