import { describe, expect, it } from 'vitest';
import { createGraphStore } from '../../stores/graphStore';
import { copySelection, duplicateSelection, layoutDesign, paste } from './editCommands';

describe('the editor commands on a graph store', () => {
  it('copies and pastes nodes with the connection between them, under fresh ids', () => {
    const store = createGraphStore();
    store.getState().setSelection(['enc1', 'enc2']);
    expect(copySelection(store)).toBe(true);
    paste(store);
    const { doc, selectedIds } = store.getState();
    expect(doc.nodes).toHaveLength(8);
    expect(selectedIds).toHaveLength(2);
    expect(
      doc.edges.filter((e) => selectedIds.includes(e.source) && selectedIds.includes(e.target)),
    ).toHaveLength(1);
    duplicateSelection(store);
    expect(store.getState().doc.nodes).toHaveLength(10);
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().doc.nodes).toHaveLength(6);
  });

  it('deletes the selection and lays the rest out left to right as one step each', () => {
    const store = createGraphStore();
    store.getState().setSelection(['dec1'], ['enc1->enc2:in']);
    store.getState().deleteSelection();
    expect(store.getState().doc.nodes.map((n) => n.id)).not.toContain('dec1');
    expect(store.getState().doc.edges.map((e) => e.id)).not.toContain('enc1->enc2:in');
    layoutDesign(store);
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().analysis.valid).toBe(true);
  });
});
