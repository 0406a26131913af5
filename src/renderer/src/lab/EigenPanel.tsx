import { useMemo } from 'react';
import { scaleEach } from '../inspect/featureImages';
import { composeGrid, imageGeometry } from '../recon/imageGrid';
import type { Features, Samples } from '../stores/runState';
import { BitmapCanvas } from '../views/BitmapCanvas';
import { ViewPanel } from '../views/ViewPanel';
import { EIGEN_COUNT, useEigenImages } from './useEigenImages';

const COLUMNS = 8;
// Two 8-wide grids at 2x fit side by side in a 1,280-pixel panel (at 3x they wrap one under the other).
const ZOOM = 2;
const percent = (v: number) => `${Math.round(v * 100)} %`;

/**
 * Eigen-images beside features: the directions PCA finds in the pixels, and the patterns the
 * autoencoder's first layer learned, drawn the same size (the eigenfaces comparison, on digits).
 */
export function EigenPanel({ samples, features }: { samples: Samples; features: Features | null }) {
  const eigen = useEigenImages(samples);
  const geometry = useMemo(() => imageGeometry(samples.sampleShape), [samples.sampleShape]);
  const eigenBitmap = useMemo(
    () => (eigen && geometry ? composeGrid([eigen.images], eigen.k, geometry, COLUMNS) : null),
    [eigen, geometry],
  );
  const featureBitmap = useMemo(() => {
    if (!features || !geometry) return null;
    const size = features.weights.length / Math.max(1, features.units);
    if (size !== geometry.width * geometry.height * geometry.channels) return null;
    const n = Math.min(EIGEN_COUNT, features.units);
    return composeGrid([scaleEach(features.weights, n, size)], n, geometry, COLUMNS);
  }, [features, geometry]);

  return (
    <ViewPanel
      title="Eigen-images"
      saveAs="lab-eigen"
      testId="lab-eigen"
      hint="Left: the principal components of the pixels, each drawn as an image (grey is zero, light and dark pixels move in opposite ways). Right: the autoencoder's first-layer features. PCA finds the directions of greatest variance; the autoencoder learns its own, often more stroke-like, ones."
    >
      {!geometry && <div className="empty-note">These samples cannot be drawn as images.</div>}
      {geometry && (
        <div className="lab-eigen-row">
          <figure className="lab-figure">
            {eigenBitmap ? (
              <BitmapCanvas
                bitmap={eigenBitmap}
                zoom={ZOOM}
                testId="lab-eigen-images"
                label={`The first ${eigen?.k} principal components of the pixels`}
                data={{ count: eigen?.k ?? 0 }}
              />
            ) : (
              <div className="empty-note">Finding the principal components…</div>
            )}
            <figcaption className="muted" data-testid="lab-eigen-caption">
              {eigen
                ? `PCA of ${eigen.used} images: the first explains ${percent(eigen.explained[0])}, all ${eigen.k} together ${percent(eigen.together[eigen.k - 1])} of the variance.`
                : 'Principal components of the pixels'}
            </figcaption>
          </figure>
          <figure className="lab-figure">
            {featureBitmap ? (
              <BitmapCanvas
                bitmap={featureBitmap}
                zoom={ZOOM}
                testId="lab-features"
                label="The first units of the autoencoder's first layer"
              />
            ) : (
              <div className="empty-note">
                {features
                  ? 'The first layer is not a Dense layer on the pixels, so its features are not images.'
                  : 'The first-layer features appear after an epoch.'}
              </div>
            )}
            <figcaption className="muted">
              {featureBitmap
                ? `The autoencoder's first ${Math.min(EIGEN_COUNT, features!.units)} of ${features!.units} first-layer features`
                : 'First-layer features'}
            </figcaption>
          </figure>
        </div>
      )}
    </ViewPanel>
  );
}
