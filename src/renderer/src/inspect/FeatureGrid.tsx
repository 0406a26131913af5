import { useMemo, useState } from 'react';
import { useRun } from '../stores/runStore';
import { composeGrid, imageGeometry } from '../recon/imageGrid';
import { BitmapCanvas } from '../views/BitmapCanvas';
import { ViewPanel } from '../views/ViewPanel';
import { epochNumber } from '../panels/runStatus';
import { pageOf, scaleEach } from './featureImages';

/** Images to a page: 128 fill 8 rows of 16, the whole first layer of the default model. */
const PER_PAGE = 128;
const COLUMNS = 16;

/** The first layer's units, each drawn as the input-shaped image of its incoming weights. */
export function FeatureGrid() {
  const features = useRun((s) => s.features);
  const epochBase = useRun((s) => s.epochBase);
  const [page, setPage] = useState(0);
  const shape = features?.inputShape;
  const geometry = useMemo(() => (shape ? imageGeometry(shape) : null), [shape]);
  const size = shape ? shape.reduce((a, b) => a * b, 1) : 0;
  const pages = features ? Math.max(1, Math.ceil(features.units / PER_PAGE)) : 1;
  const current = Math.min(page, pages - 1);
  const shown = useMemo(() => {
    if (!features || !geometry) return null;
    const slice = pageOf(features.weights, features.units, size, current, PER_PAGE);
    const scaled = scaleEach(slice.values, slice.count, size);
    return { ...slice, bitmap: composeGrid([scaled], slice.count, geometry, COLUMNS) };
  }, [features, geometry, size, current]);

  return (
    <ViewPanel
      title="Features"
      saveAs="features"
      hint={
        features
          ? `The ${features.units} units of the first layer after epoch ${epochNumber({ epochBase }, features.epoch)}: each unit's incoming weights as an image, scaled to its own range (dark = negative, light = positive).`
          : 'After each epoch, the weights of each first-layer unit appear here as an image.'
      }
      tools={
        pages > 1 && (
          <div className="pager">
            <button
              className="icon-button"
              aria-label="Previous page"
              disabled={current === 0}
              onClick={() => setPage(current - 1)}
            >
              ‹
            </button>
            <span className="muted" data-testid="features-page">
              {shown ? `${shown.first + 1}–${shown.first + shown.count} of ${features?.units}` : ''}
            </span>
            <button
              className="icon-button"
              aria-label="Next page"
              disabled={current >= pages - 1}
              onClick={() => setPage(current + 1)}
            >
              ›
            </button>
          </div>
        )
      }
    >
      {features && !geometry && (
        <div className="empty-note">
          The input of shape {features.inputShape.join('×')} cannot be drawn as an image.
        </div>
      )}
      {shown && geometry && (
        <BitmapCanvas
          bitmap={shown.bitmap}
          zoom={2}
          testId="feature-grid"
          className="feature-canvas"
          label={`Weights of units ${shown.first + 1} to ${shown.first + shown.count}`}
          data={{
            count: shown.count,
            tile: `${geometry.width}x${geometry.height}`,
            units: features?.units ?? 0,
          }}
        />
      )}
    </ViewPanel>
  );
}
