import type { GraphDocument } from '../graph/document';
import { analyzeGraph } from './analyze';
import { emitSpec } from './emit';
import type { GameSpec } from './game';
import { emitGame } from './gameEmit';
import type { KerasModelSpec } from './spec';
import type { GraphAnalysis } from './types';

export { analyzeGraph } from './analyze';
export { withHeadsTrainable } from './transforms';
export {
  summarize,
  formatSummaryText,
  type ModelSummary,
  type SummaryGroup,
  type SummaryRow,
} from './summary';
export type * from './spec';
export type * from './types';
export type * from './game';
export type { Diagnostic, DiagnosticCode } from '../graph/messages';

export type CompileResult =
  | {
      ok: true;
      /** The model (a game's generator, or an adversarial autoencoder's autoencoder). */
      spec: KerasModelSpec;
      /** Every network of a game design; null for an ordinary model. */
      game: GameSpec | null;
      analysis: GraphAnalysis;
    }
  | { ok: false; analysis: GraphAnalysis };

/** Graph to Keras-format model spec; refuses (with the analysis' diagnostics) an invalid graph. */
export function compileGraph(doc: GraphDocument): CompileResult {
  const analysis = analyzeGraph(doc);
  if (!analysis.valid) return { ok: false, analysis };
  const { game } = analysis;
  if (game) return { ok: true, ...emitGame(doc, { ...analysis, game }), analysis };
  return { ok: true, spec: emitSpec(doc, analysis), game: null, analysis };
}
