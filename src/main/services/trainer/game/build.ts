import type { GameSpec } from '../../../../shared/compiler/game';
import { fail, ok, type Result } from '../../../../shared/contract/result';
import type { GraphDocument } from '../../../../shared/graph/document';
import { buildModel, type BuiltModel } from '../../model';
import { generatorModel } from './generatorModel';
import { buildNet, disposeNet, type Net } from './net';

/** A game's networks in tfjs, with the seeded starting weights of an ordinary build. */
export type GameModels =
  | {
      kind: 'gan';
      game: Extract<GameSpec, { kind: 'gan' }>;
      generator: Net;
      discriminator: Net;
      /** What the views keep: the generator as a decoder of the prior's z. */
      built: BuiltModel;
    }
  | {
      kind: 'aae';
      game: Extract<GameSpec, { kind: 'aae' }>;
      discriminator: Net;
      /** The autoencoder (its encoder is the generator of codes), built the ordinary way. */
      built: BuiltModel;
    };

/** Builds both players of a game; a spec tfjs cannot build is an error in words. */
export function buildGame(doc: GraphDocument, game: GameSpec, seed: number): Result<GameModels> {
  let discriminator: Net | null = null;
  try {
    discriminator = buildNet(game.discriminator, seed);
    if (game.kind === 'gan') {
      const generator = buildNet(game.generator, seed);
      return ok({
        kind: 'gan',
        game,
        generator,
        discriminator,
        built: generatorModel(game, generator),
      });
    }
    const built = buildModel(doc, seed);
    if (!built.ok) {
      disposeNet(discriminator);
      return built;
    }
    return ok({ kind: 'aae', game, discriminator, built: built.value });
  } catch (error) {
    if (discriminator) disposeNet(discriminator);
    return fail('E_INTERNAL', `The game's networks could not be built: ${String(error)}`);
  }
}
