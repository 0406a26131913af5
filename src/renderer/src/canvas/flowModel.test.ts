import { describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../../shared/graph/document';
import { flowDirection, toFlowEdges, toFlowNodes } from './flowModel';

const doc: GraphDocument = {
  version: 1,
  nodes: [
    { id: 'in', kind: 'Input', name: 'digits', params: { shape: [784] }, position: { x: 0, y: 0 } },
    { id: 'd1', kind: 'Dense', name: 'enc', params: { units: 32 }, position: { x: 260, y: 10 } },
  ],
  edges: [{ id: 'e1', source: 'in', target: 'd1', targetPort: 'in' }],
};

describe('the canvas view of a graph document', () => {
  it('reads a network laid out in a row from left to right', () => {
    expect(flowDirection(doc)).toBe('right');
    const column = {
      ...doc,
      nodes: doc.nodes.map((n, i) => ({ ...n, position: { x: 0, y: i * 200 } })),
    };
    expect(flowDirection(column)).toBe('down');
  });

  it('gives every node a layer node at its position, selected when the store says so', () => {
    const nodes = toFlowNodes(doc, ['d1'], 'right');
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
