import type { BuiltModel } from '../model';

/**
 * The model of the newest run, kept after it ends so the views can decode latent points, encode
 * drawings and hand out weights. One at a time: a new run or an opened project replaces it.
 */
export class LoadedModel {
  private latest: { runId: string; built: BuiltModel } | null = null;

  replace(runId: string, built: BuiltModel): void {
    this.latest?.built.dispose();
    this.latest = { runId, built };
  }

  /** The model of that run, or null when another run's model (or none) is loaded. */
  of(runId: string): BuiltModel | null {
    return this.latest?.runId === runId ? this.latest.built : null;
  }
}
