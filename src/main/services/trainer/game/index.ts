import { compileGraph } from '../../../../shared/compiler';
import type { GameSpec } from '../../../../shared/compiler/game';
import type { GraphDocument } from '../../../../shared/graph/document';

export { buildGame, type GameModels } from './build';
export { gameSession, type GameSession } from './session';
export { gameExtras, restoreGame } from './checkpoint';

/** The game a design plays, or null for an ordinary design (or one that does not compile). */
export function gameOf(doc: GraphDocument): GameSpec | null {
  const compiled = compileGraph(doc);
  return compiled.ok ? compiled.game : null;
}
