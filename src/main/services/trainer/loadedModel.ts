import { fail, ok, type Result } from '../../../shared/contract/result';
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

  /**
   * That run's model for a query that must not race its training: refused in words when it is
   * no longer loaded, or while `activeRunId` (the run training now) is that run and its weights move.
   */
  idle(runId: string, activeRunId: string | null, busyWords: string): Result<BuiltModel> {
    const built = this.of(runId);
    if (!built) return fail('E_NOT_FOUND', 'That model is no longer loaded; train it again.');
    if (activeRunId === runId) return fail('E_BUSY', busyWords);
    return ok(built);
  }

  /** The game that run played, or null (an ordinary design, or another run loaded). */
  gameOf(runId: string): GameModels | null {
    return this.latest?.runId === runId ? this.latest.game : null;
  }
}
