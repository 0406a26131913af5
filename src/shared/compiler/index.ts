import type { GraphDocument } from '../graph/document';
import { analyzeGraph } from './analyze';
import { emitSpec } from './emit';
import type { KerasModelSpec } from './spec';
import type { GraphAnalysis } from './types';

export { analyzeGraph } from './analyze';
export { withHeadsTrainable } from './transforms';
export { summarize, formatSummaryText, type ModelSummary, type SummaryRow } from './summary';
export type * from './spec';
export type * from './types';
export type { Diagnostic, DiagnosticCode } from '../graph/messages';

export type CompileResult =
  | { ok: true; spec: KerasModelSpec; analysis: GraphAnalysis }
  | { ok: false; analysis: GraphAnalysis };

/** Graph to Keras-format model spec; refuses (with the analysis' diagnostics) an invalid graph. */
export function compileGraph(doc: GraphDocument): CompileResult {
  const analysis = analyzeGraph(doc);
  if (!analysis.valid) return { ok: false, analysis };
  return { ok: true, spec: emitSpec(doc, analysis), analysis };
}
