import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../shared/compiler';
import { benchEditor, hundredNodeGraph } from './bench';

describe('the editor benchmark', () => {
  // The timings live in `npm run bench` (bench/editor.bench.ts): a bound on them here failed on a
  // busy machine. This checks only that the benchmark measures what it says.
  it('measures undo and re-validation of a valid 100-node graph', () => {
    expect(hundredNodeGraph().nodes).toHaveLength(100);
    expect(analyzeGraph(hundredNodeGraph()).valid).toBe(true);
    const { undoMs, validateMs } = benchEditor(3);
    expect(Number.isFinite(undoMs) && Number.isFinite(validateMs)).toBe(true);
  });
});
