import { describe, expect, it } from 'vitest';
import { createGraphStore } from './graphStore';

describe('the graph store', () => {
  it('opens the default preset with its shapes and 209,968 parameters', () => {
    const store = createGraphStore();
    const { doc, analysis } = store.getState();
    expect(doc.nodes.map((n) => n.kind)).toEqual([
      'Input',
      'Dense',
      'Dense',
      'Dense',
      'Dense',
      'Output',
    ]);
    expect(analysis.totals.total).toBe(209968);
    expect(analysis.valid).toBe(true);
    expect(analysis.codeNodeId).not.toBeNull();
  });

  it('re-validates at once when a param changes', () => {
    const store = createGraphStore();
    const last = store
      .getState()
      .doc.nodes.find((n) => n.kind === 'Dense' && n.params.units === 784)!;
    store.getState().setParam(last.id, 'units', 500);
    const { analysis } = store.getState();
    expect(analysis.valid).toBe(false);
    expect(analysis.diagnostics.some((d) => d.nodeIds.length > 0 && d.severity === 'error')).toBe(
      true,
    );
    store.getState().setParam(last.id, 'units', 784);
    expect(store.getState().analysis.valid).toBe(true);
  });

  it('adds a node of a kind with its defaults, selects it, and deletes it with its edges', () => {
    const store = createGraphStore();
    const id = store.getState().addNode('Dropout', { x: 10, y: 20 });
    expect(store.getState().selectedNodeId).toBe(id);
    expect(store.getState().doc.nodes.find((n) => n.id === id)?.kind).toBe('Dropout');
    const [first] = store.getState().doc.nodes;
    expect(store.getState().connect(first.id, id, 'in')).toBe(true);
    store.getState().remove([id], []);
    expect(store.getState().doc.edges.some((e) => e.target === id)).toBe(false);
    expect(store.getState().selectedNodeId).toBeNull();
  });

  it('opens another preset and refuses an unknown one', () => {
    const store = createGraphStore();
    expect(store.getState().loadPreset('vae')).toBe(true);
    expect(store.getState().presetId).toBe('vae');
    expect(store.getState().loadPreset('no-such-preset')).toBe(false);
    expect(store.getState().presetId).toBe('vae');
  });
});

describe('undo in the graph store', () => {
  it('undoes a whole drag in one step, not every move of it', () => {
    const store = createGraphStore();
    const start = store.getState().doc;
    store.getState().beginGesture();
    for (let x = 0; x < 20; x++) store.getState().moveNode('enc1', { x, y: x });
    store.getState().endGesture();
    expect(store.getState().history.past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().doc).toBe(start);
    store.getState().redo();
    expect(store.getState().doc.nodes.find((n) => n.id === 'enc1')?.position).toEqual({
      x: 19,
      y: 19,
    });
  });

  it('takes typing 1, 12, 128 into one field as one parameter edit', () => {
    const store = createGraphStore();
    const start = store.getState().doc;
    for (const units of [1, 12, 128]) store.getState().setParam('enc1', 'units', units);
    store.getState().setParam('enc2', 'units', 16);
    expect(store.getState().history.past).toHaveLength(2);
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().doc).toBe(start);
  });
});
