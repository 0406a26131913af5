import { ArithmeticPanel } from '../generate/ArithmeticPanel';
import { InterpolatePanel } from '../generate/InterpolatePanel';
import { LatentGridPanel } from '../generate/LatentGridPanel';
import { LatentPlanePanel } from '../generate/LatentPlanePanel';
import { useLatent } from '../generate/useLatent';
import { RunStrip } from './RunStrip';
import { StaleMark, type StaleMatch } from './StaleMark';
import { useDesignMatch } from './useDesignMatch';

/** The Generate tab: the decoder at work on the latent grid, the plane and interpolations. */
export function GenerateView() {
  const latent = useLatent();
  const stale = useDesignMatch().match.kind === 'stale';
  return (
    <main className="view generate-view">
      <RunStrip />
      {latent && <StaleMark detail={decodesWith} />}
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
        <div
          className={`view-grid generate-grid ${stale ? 'stale-results' : ''}`}
          data-testid="generate-grid"
          data-stale={String(stale)}
        >
          <LatentGridPanel latent={latent} />
          <div className="view-column">
            <LatentPlanePanel latent={latent} />
            <InterpolatePanel latent={latent} />
            <ArithmeticPanel latent={latent} />
          </div>
        </div>
      )}
    </main>
  );
}

/** Generate keeps decoding with the run's own model, and says so: never silently the old one. */
function decodesWith(match: StaleMatch): string {
  return match.weightsFit
    ? 'Generate still decodes with that earlier model.'
    : 'Generate still decodes with that earlier model: its weights do not fit your design now.';
}
