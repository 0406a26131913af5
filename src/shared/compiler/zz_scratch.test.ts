import { it } from 'vitest';
import { PRESETS } from '../presets';
import { analyzeGraph, summarize, formatSummaryText } from '../compiler';
it('x', () => {
  for (const p of PRESETS) {
    const a = analyzeGraph(p.graph);
    console.log(
      p.id,
      a.valid,
      a.totals,
      a.codeNodeId,
      a.diagnostics.map((d) => d.message),
    );
  }
  console.log(formatSummaryText(summarize(PRESETS[0].graph)));
});
