import { describe, expect, it } from 'vitest';
import { getPreset } from '../presets';
import { GRAPH_VERSION } from './document';
import { migrateDocument } from './migrate';

describe('migrateDocument', () => {
  it('reads a current document unchanged', () => {
    const doc = getPreset('default')!.graph;
    expect(migrateDocument(doc)).toEqual({ ok: true, value: doc });
  });

  it('lifts a version 0 draft (edges with port, nodes without names) to the current version', () => {
    const result = migrateDocument({
      nodes: [
        { id: 'a', kind: 'Input', params: { shape: [784] }, position: { x: 0, y: 0 } },
        { id: 'b', kind: 'Output', params: {}, position: { x: 1, y: 0 } },
      ],
      edges: [{ source: 'a', target: 'b', port: 'in' }],
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.version).toBe(GRAPH_VERSION);
    expect(result.value.nodes[0].name).toBe('Input');
    expect(result.value.edges[0]).toEqual({ id: 'e0', source: 'a', target: 'b', targetPort: 'in' });
  });

  it('refuses a newer version with a message that says to update the app', () => {
    const result = migrateDocument({ version: GRAPH_VERSION + 1, nodes: [], edges: [] });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.message).toMatch(/newer Autoencoder Studio.*Update the app/);
  });

  it('refuses a damaged document, naming the field', () => {
    const result = migrateDocument({ version: 1, nodes: [{ id: 'a' }], edges: [] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('nodes.0');
    expect(migrateDocument('text').ok).toBe(false);
  });
});
