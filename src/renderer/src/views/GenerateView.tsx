import { InterpolatePanel } from '../generate/InterpolatePanel';
import { LatentGridPanel } from '../generate/LatentGridPanel';
import { LatentPlanePanel } from '../generate/LatentPlanePanel';
import { useLatent } from '../generate/useLatent';
import { RunStrip } from './RunStrip';

/** The Generate tab: the decoder at work on the latent grid, the plane and interpolations. */
export function GenerateView() {
  const latent = useLatent();
  return (
    <main className="view generate-view">
      <RunStrip />
      {!latent && (
        <div className="panel empty-view">
          <h2 className="panel-title">Nothing to generate yet</h2>
          <p>
            Train a model for at least one epoch. Its decoder then turns points of the latent space
            into images here: a grid over the space, a plane you can drag across, and the line
            between two digits. The 2-D latent preset shows this best.
          </p>
        </div>
      )}
      {latent && (
        <div className="view-grid generate-grid">
          <LatentGridPanel latent={latent} />
          <div className="view-column">
            <LatentPlanePanel latent={latent} />
            <InterpolatePanel latent={latent} />
          </div>
        </div>
      )}
    </main>
  );
}
