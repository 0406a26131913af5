import { formatShape, MESSAGES, type Diagnostic } from '../graph/messages';
import type { NodeInfo } from '../layers/types';
import type { GraphIndex } from './structure';
import type { GameAnalysis } from './types';

const size = (s: readonly number[]) => s.reduce((a, b) => a * b, 1);
const same = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * The shapes a game needs: the discriminator ends in one value, and what reaches 'fake' has the
 * shape of what the discriminator judges as real (the data for a GAN, the Prior's samples for an
 * adversarial autoencoder, whose code must then have the Prior's size).
 */
export function checkGameShapes(
  index: GraphIndex,
  info: Map<string, NodeInfo>,
  game: GameAnalysis,
  diagnostics: Diagnostic[],
): void {
  const label = (id: string) => index.labels.get(id)!;
  const shapeOf = (id: string | null) => (id === null ? null : (info.get(id)?.output ?? null));
  const score = shapeOf(game.scoreSource);
  if (score && !same(score, [1])) {
    diagnostics.push({
      code: 'E_GAME_SCORE',
      severity: 'error',
      nodeIds: [game.scoreSource!, game.adversary],
      message: MESSAGES.E_GAME_SCORE(label(game.scoreSource!), formatShape(score)),
    });
  }
  const fake = shapeOf(game.fakeSource);
  const real = shapeOf(game.realSource);
  if (!fake || !real) return;
  if (game.kind === 'aae' && size(fake) !== size(real)) {
    diagnostics.push({
      code: 'E_PRIOR_SIZE',
      severity: 'error',
      nodeIds: [game.realSource!, game.fakeSource!],
      message: MESSAGES.E_PRIOR_SIZE(
        label(game.realSource!),
        size(real),
        label(game.fakeSource!),
        size(fake),
      ),
    });
    return;
  }
  if (same(fake, real)) return;
  diagnostics.push({
    code: 'E_GAME_FAKE_SHAPE',
    severity: 'error',
    nodeIds: [game.fakeSource!, game.adversary],
    message: MESSAGES.E_GAME_FAKE_SHAPE(
      label(game.fakeSource!),
      formatShape(fake),
      formatShape(real),
      game.kind === 'gan' ? "the data's shape" : "the shape of the Prior's samples",
    ),
  });
}
