/**
 * The game a design plays, as the exports read it: the compiler's GameSpec beside the analysis
 * (shapes and totals), or null for an ordinary model.
 */
import { compileGraph, type CompileResult, type GraphAnalysis } from '../../compiler';
import type { GameSpec } from '../../compiler/game';
import type { GraphDocument } from '../../graph/document';

export interface CompiledGame {
  game: GameSpec;
  analysis: GraphAnalysis;
}

/** The game of a compiled design, or null when it plays none. */
export const gameOfCompiled = (compiled: CompileResult): GameSpec | null =>
  compiled.ok ? compiled.game : null;

/** The design's game and analysis, or null when it is invalid or plays no game. */
export function compiledGame(doc: GraphDocument): CompiledGame | null {
  const compiled = compileGraph(doc);
  const game = gameOfCompiled(compiled);
  return game ? { game, analysis: compiled.analysis } : null;
}

/** What a player is called in scripts, files and words. */
export const PLAYER_WORDS = {
  generator: 'generator',
  discriminator: 'discriminator',
  autoencoder: 'autoencoder',
} as const;

/** The networks of a game by their script name, the one that generates first. */
export const networksOf = (game: GameSpec) =>
  game.kind === 'gan'
    ? ([
        ['generator', game.generator],
        ['discriminator', game.discriminator],
      ] as const)
    : ([
        ['autoencoder', game.autoencoder],
        ['discriminator', game.discriminator],
      ] as const);
