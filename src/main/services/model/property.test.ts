import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../shared/compiler';
import { anyGraph } from '../../../shared/compiler/arbitraries';
import { buildModel } from '.';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('graphs the validation accepts', () => {
  it('build into tfjs models whose forward pass gives the Output shape (a sample of 40)', () => {
    const sample = fc
      .sample(anyGraph, { numRuns: 600, seed: 7 })
      .map((doc) => ({ doc, analysis: analyzeGraph(doc) }))
      // A game is several networks, built and counted one by one in gameNetworks.test.ts.
      .filter(
        ({ analysis }) => analysis.valid && !analysis.game && analysis.totals.total < 2_000_000,
      )
      .slice(0, 40);
    expect(sample.length).toBe(40);
    for (const { doc, analysis } of sample) {
      const built = buildModel(doc);
      if (!built.ok) throw new Error(built.error.message);
      const m = built.value;
      expect(m.model.countParams()).toBe(analysis.totals.total);
      const inputNode = doc.nodes.find((n) => n.kind === 'Input')!;
      const shape = analysis.nodes[inputNode.id].shape!;
      tf.tidy(() => {
        const { output } = m.forward(tf.randomUniform([2, ...shape]), true);
        const outNode = doc.nodes.find((n) => n.kind === 'Output')!;
        expect(output.shape).toEqual([2, ...analysis.nodes[outNode.id].shape!]);
      });
      m.dispose();
    }
  });
});
