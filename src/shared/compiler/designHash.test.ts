import { describe, expect, it } from 'vitest';
import type { GraphDocument, GraphNode } from '../graph/document';
import { getPreset } from '../presets';
import { designHash } from './designHash';

const base = getPreset('default')!.graph;

const mapNode = (doc: GraphDocument, id: string, f: (n: GraphNode) => GraphNode) => ({
  ...doc,
  nodes: doc.nodes.map((n) => (n.id === id ? f(n) : n)),
});

describe('designHash', () => {
  it('gives the same design the same short fingerprint', () => {
    expect(designHash(base)).toBe(designHash(structuredClone(base)));
    expect(designHash(base)).toMatch(/^[0-9a-f]{14}$/);
  });

  it('ignores positions, names, edge ids and the order of nodes and edges', () => {
    const moved: GraphDocument = {
      ...base,
      nodes: [...base.nodes].reverse().map((n) => ({
        ...n,
        name: `${n.name} renamed`,
        position: { x: n.position.x + 300, y: -7 },
      })),
      edges: [...base.edges].reverse().map((e, i) => ({ ...e, id: `edge-${i}` })),
    };
    expect(designHash(moved)).toBe(designHash(base));
  });

  it('counts a default written out the same as one left out', () => {
    // Dense's activation defaults to relu, which enc1 of the default model writes out.
    const noActivation = mapNode(base, 'enc1', (n) => {
      const { activation: _dropped, ...params } = n.params;
      return { ...n, params };
    });
    expect(base.nodes.find((n) => n.id === 'enc1')?.params.activation).toBe('relu');
    expect(designHash(noActivation)).toBe(designHash(base));
  });

  it('changes when a layer’s units change (48 to 16)', () => {
    const units = (u: number) =>
      mapNode(base, 'enc2', (n) => ({ ...n, params: { ...n.params, units: u } }));
    expect(designHash(units(48))).not.toBe(designHash(units(16)));
    expect(designHash(units(16))).not.toBe(designHash(base));
  });

  it('changes when a layer’s kind changes', () => {
    const dropout = mapNode(base, 'enc1', (n) => ({ ...n, kind: 'Dropout', params: {} }));
    expect(designHash(dropout)).not.toBe(designHash(base));
  });

  it('changes when the connections change', () => {
    const skip = {
      ...base,
      edges: base.edges.map((e, i) => (i === 1 ? { ...e, source: 'input' } : e)),
    };
    expect(designHash(skip)).not.toBe(designHash(base));
    expect(designHash({ ...base, edges: base.edges.slice(1) })).not.toBe(designHash(base));
  });
});
