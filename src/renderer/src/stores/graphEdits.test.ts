import { describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../../shared/graph/document';
import { connect, freshNodeId, moveNode, remove, setParam } from './graphEdits';

const node = (id: string, kind: 'Input' | 'Dense' | 'Output') => ({
  id,
  kind,
  name: id,
  params: {},
  position: { x: 0, y: 0 },
});

const doc: GraphDocument = {
  version: 1,
  nodes: [node('in', 'Input'), node('d1', 'Dense'), node('out', 'Output')],
  edges: [
    { id: 'a', source: 'in', target: 'd1', targetPort: 'in' },
    { id: 'b', source: 'd1', target: 'out', targetPort: 'in' },
  ],
};

describe('graph edits', () => {
  it('names a new node after its kind with the first free number', () => {
    expect(freshNodeId(doc, 'Dense')).toBe('dense-1');
    const withOne = { ...doc, nodes: [...doc.nodes, { ...node('dense-1', 'Dense') }] };
    expect(freshNodeId(withOne, 'Dense')).toBe('dense-2');
    expect(freshNodeId(doc, 'MaxPooling2D')).toBe('max-pooling2-d-1');
  });

  it('returns the same document when an edit changes nothing, a new one otherwise', () => {
    expect(moveNode(doc, 'nobody', { x: 1, y: 1 })).toBe(doc);
    const moved = moveNode(doc, 'd1', { x: 5, y: 6 });
    expect(moved).not.toBe(doc);
    expect(moved.nodes[1].position).toEqual({ x: 5, y: 6 });
    expect(doc.nodes[1].position).toEqual({ x: 0, y: 0 });
  });

  it('sets one param and leaves the others', () => {
    const edited = setParam(
      { ...doc, nodes: [{ ...node('d1', 'Dense'), params: { units: 3, activation: 'relu' } }] },
      'd1',
      'units',
      64,
    );
    expect(edited.nodes[0].params).toEqual({ units: 64, activation: 'relu' });
  });

  it('replaces the connection already on a port and refuses a node feeding itself', () => {
    const rewired = connect(doc, 'in', 'out', 'in');
    expect(rewired?.edges.map((e) => `${e.source}>${e.target}`)).toEqual(['in>d1', 'in>out']);
    expect(connect(doc, 'd1', 'd1', 'in')).toBeNull();
    expect(connect(doc, 'ghost', 'd1', 'in')).toBeNull();
  });

  it('removes a node together with every edge that touches it', () => {
    const left = remove(doc, ['d1'], []);
    expect(left.nodes.map((n) => n.id)).toEqual(['in', 'out']);
    expect(left.edges).toEqual([]);
    expect(remove(doc, [], ['b']).edges.map((e) => e.id)).toEqual(['a']);
  });
});
