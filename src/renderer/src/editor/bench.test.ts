import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../shared/compiler';
import { benchEditor, hundredNodeGraph } from './bench';

describe('the editor benchmark', () => {
  it('measures undo and re-validation of a valid 100-node graph well within a frame', () => {
    expect(hundredNodeGraph().nodes).toHaveLength(100);
    expect(analyzeGraph(hundredNodeGraph()).valid).toBe(true);
    const { undoMs, validateMs } = benchEditor(30);
    console.log(`editor bench: undo ${undoMs.toFixed(3)} ms, validate ${validateMs.toFixed(3)} ms`);
    expect(undoMs).toBeLessThan(16);
    expect(validateMs).toBeLessThan(16);
  });
});
