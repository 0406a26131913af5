import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphDocumentSchema } from '../graph/document';
import { analyzeGraph, compileGraph } from '.';
import { anyGraph } from './arbitraries';

describe('analyzeGraph on 1,000 random and edited graphs', () => {
  it('never throws, compiles what it accepts and names a node for what it rejects', () => {
    let accepted = 0;
    fc.assert(
      fc.property(anyGraph, (doc) => {
        expect(graphDocumentSchema.safeParse(doc).success).toBe(true);
        const analysis = analyzeGraph(doc);
        if (analysis.valid) {
          accepted++;
          const compiled = compileGraph(doc);
          expect(compiled.ok).toBe(true);
        } else if (doc.nodes.length > 0) {
          const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
          expect(errors.some((d) => d.nodeIds.length > 0)).toBe(true);
        }
      }),
      { numRuns: 1000, seed: 20240607 },
    );
    // The edited presets keep the test honest: a good share of graphs must be valid.
    expect(accepted).toBeGreaterThan(100);
  });
});
