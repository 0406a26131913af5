import type { BuiltModel } from '../model';
import type { GameModels } from './game/build';
import { disposeNet } from './game/net';

/**
 * The model of the newest run, kept after it ends so the views can decode latent points, encode
 * drawings and hand out weights. One at a time: a new run or an opened project replaces it.
 * A game's run keeps the views' model (a GAN's generator, an AAE's autoencoder) and its players.
 */
export class LoadedModel {
  private latest: { runId: string; built: BuiltModel; game: GameModels | null } | null = null;

  replace(runId: string, built: BuiltModel, game: GameModels | null = null): void {
    if (this.latest) {
      this.latest.built.dispose();
      if (this.latest.game) disposeNet(this.latest.game.discriminator);
    }
    this.latest = { runId, built, game };
  }

  /** The model of that run, or null when another run's model (or none) is loaded. */
  of(runId: string): BuiltModel | null {
    return this.latest?.runId === runId ? this.latest.built : null;
  }

  /** The game that run played, or null (an ordinary design, or another run loaded). */
  gameOf(runId: string): GameModels | null {
    return this.latest?.runId === runId ? this.latest.game : null;
  }
}
