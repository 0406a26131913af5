import { expect, it } from 'vitest';
import { benchEditor } from '../src/renderer/src/editor/bench';

// Printed by `npm run bench`: the editor's cost per undo and per re-validation on a 100-node graph.
it('measures one undo and one re-validation on a 100-node graph', () => {
  const { undoMs, validateMs } = benchEditor(200);
  console.log(
    `editor, 100-node graph (median of 200): one undo ${undoMs.toFixed(3)} ms, one re-validation ${validateMs.toFixed(3)} ms`,
  );
  expect(undoMs).toBeGreaterThan(0);
});
