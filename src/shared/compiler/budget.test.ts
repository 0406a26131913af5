import { describe, expect, it } from 'vitest';
import type { GraphDocument } from '../graph/document';
import { analyzeGraph, compileGraph } from '.';
import { dense as denseStep, graphOf, input, output } from '../presets/build';
import { DESIGN_BUDGET, formatBytes, formatCount } from './budget';

const at = { x: 0, y: 0 };
/** Input [width] -> Dense hidden -> Dense width -> Output. */
const dense = (width: number, hidden: number, inputShape: number[] = [width]): GraphDocument =>
  graphOf([
    input(inputShape),
    denseStep('d1', hidden, 'linear', 'dense 1'),
    denseStep('d2', width, 'linear', 'dense 2'),
    output('mse'),
  ]);

describe('the design budget', () => {
  it('refuses a 2·10^10-weight design with the figure, the limit and the largest layers', () => {
    const analysis = analyzeGraph(dense(100_000, 100_000));
    expect(analysis.totals.total).toBe(20_000_200_000);
    const found = analysis.diagnostics.find((d) => d.code === 'E_TOO_LARGE');
    expect(found?.severity).toBe('error');
    expect(found?.message).toBe(
      "This design has 20,000,200,000 weights; the app trains at most 50,000,000 (about 200 MB). Make the largest layers smaller: Dense 'dense 1' has 10,000,100,000, Dense 'dense 2' has 10,000,100,000.",
    );
    expect(found?.nodeIds.sort()).toEqual(['d1', 'd2']);
    expect(analysis.valid).toBe(false);
    expect(compileGraph(dense(100_000, 100_000)).ok).toBe(false);
  });

  it('accepts a design just under the budget', () => {
    // 784·h + h + h·784 + 784 weights; h = 31,866 gives 49,998,538.
    const analysis = analyzeGraph(dense(784, 31_866));
    expect(analysis.totals.total).toBeLessThanOrEqual(DESIGN_BUDGET.params);
    expect(analysis.totals.total).toBeGreaterThan(DESIGN_BUDGET.params - 2_000);
    expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(analysis.valid).toBe(true);
  });

  it('refuses one weight over the budget', () => {
    const analysis = analyzeGraph(dense(784, 31_867));
    expect(analysis.totals.total).toBeGreaterThan(DESIGN_BUDGET.params);
    expect(analysis.diagnostics.map((d) => d.code)).toContain('E_TOO_LARGE');
  });

  it('refuses a design whose layers give too many values for one sample', () => {
    // A 5000×5000×3 image is 75,000,000 values before any layer; few weights.
    const doc: GraphDocument = {
      version: 1,
      nodes: [
        {
          id: 'in',
          kind: 'Input',
          name: 'photo',
          params: { shape: [5000, 5000, 3] },
          position: at,
        },
        { id: 'out', kind: 'Output', name: 'out', params: { loss: 'mse' }, position: at },
      ],
      edges: [{ id: 'e', source: 'in', target: 'out', targetPort: 'in' }],
    } as GraphDocument;
    const found = analyzeGraph(doc).diagnostics.find((d) => d.code === 'E_TOO_LARGE');
    expect(found?.message).toBe(
      "This design gives 75,000,000 values for each sample as it runs; the app trains at most 50,000,000 (about 200 MB a sample). Make the largest layers give fewer values: Input 'photo' gives 75,000,000.",
    );
    expect(found?.nodeIds).toEqual(['in']);
  });

  it('counts weights beyond exact integers without overflow or delay', () => {
    // 10^15 inputs flattened into 10^5 units: 10^20 weights, more than a double counts exactly.
    const doc = graphOf([
      input([100_000, 100_000, 100_000]),
      { id: 'f', kind: 'Flatten', name: 'flat' },
      denseStep('d1', 100_000, 'linear', 'dense 1'),
      denseStep('d2', 100_000, 'linear', 'dense 2'),
      output('mse'),
    ]);
    const messages = analyzeGraph(doc)
      .diagnostics.filter((d) => d.code === 'E_TOO_LARGE')
      .map((d) => d.message);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain('This design has more than 9,007,199,254,740,991 weights');
    expect(messages[1]).toContain('This design gives 2,000,000,000,200,000 values');
  });

  it('says counts and sizes in words', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(1e20)).toBe('more than 9,007,199,254,740,991');
    expect(formatBytes(200_000_000)).toBe('about 200 MB');
    expect(formatBytes(80e9)).toBe('about 80 GB');
    expect(formatBytes(Infinity)).toBe('far more memory than any computer has');
  });
});
