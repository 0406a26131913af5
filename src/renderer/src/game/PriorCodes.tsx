import { useEffect, useMemo, useRef } from 'react';
import type { PriorSpec } from '../../../shared/compiler/game';
import { labelColor, labelsPresent } from '../inspect/labelColors';
import type { Codes } from '../stores/runState';
import { ViewPanel } from '../views/ViewPanel';
import { codeWindow, densityShading, firstTwo, meanAndSd } from './priorDensity';

/** The plot's side in pixels; the density is shaded at this resolution. */
const SIZE = 300;

interface Props {
  codes: Codes | null;
  prior: PriorSpec | null;
  /** The epoch as the person counts it, for the title row. */
  epoch: number | null;
}

/**
 * An adversarial autoencoder's codes over its prior's density: the discriminator pushes the codes
 * to look like samples of the prior, so a trained model's codes fill the shaded rings and no more.
 */
export function PriorCodes({ codes, prior, epoch }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const points = useMemo(
    () => (codes ? firstTwo(codes.codes, codes.codeSize, codes.count) : null),
    [codes],
  );
  const view = useMemo(
    () => (prior ? codeWindow(prior, points?.xs ?? [], points?.ys ?? []) : null),
    [prior, points],
  );
  const shading = useMemo(
    () => (prior && view ? densityShading(prior, view, SIZE) : null),
    [prior, view],
  );
  const stats = useMemo(
    () => (points ? { x: meanAndSd(points.xs), y: meanAndSd(points.ys) } : null),
    [points],
  );

  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context || !shading || !view) return;
    context.putImageData(new ImageData(shading.rgba, SIZE, SIZE), 0, 0);
    if (!points || !codes) return;
    const at = (v: number) => ((v + view.half) / (2 * view.half)) * SIZE;
    context.globalAlpha = 0.75;
    for (let i = 0; i < codes.count; i++) {
      context.fillStyle = labelColor(codes.labels[i] ?? -1);
      context.fillRect(at(points.xs[i]) - 1.5, SIZE - at(points.ys[i]) - 1.5, 3, 3);
    }
    context.globalAlpha = 1;
  }, [shading, view, points, codes]);

  const wide = codes !== null && codes.codeSize > 2;
  const labels = codes ? labelsPresent(codes.labels, codes.count) : [];
  return (
    <ViewPanel
      title="Codes over the prior"
      saveAs="codes-over-prior"
      testId="game-prior-codes"
      tools={epoch !== null && codes ? <span className="muted">after epoch {epoch}</span> : null}
      hint={
        prior
          ? `Shaded: the prior's density, ${describePrior(prior)}${prior.distribution === 'normal' ? ', rings at 1, 2 and 3 standard deviations' : ''}. Dots: the codes of validation digits; the discriminator pushes them to fill the shading.`
          : 'This design has no Prior node, so there is no density to draw the codes over.'
      }
    >
      {prior && (
        <div className="prior-codes-body">
          <div className="prior-codes-plot">
            <canvas
              ref={canvas}
              width={SIZE}
              height={SIZE}
              className="prior-codes-canvas"
              data-testid="prior-codes-canvas"
              data-codes={codes?.count ?? 0}
              data-half={view?.half.toFixed(2)}
              role="img"
              aria-label="Codes drawn over the prior's density"
            />
            <span className="prior-codes-range">±{view?.half.toFixed(1)}</span>
          </div>
          <div className="prior-codes-side">
            {!codes && <p className="muted">The codes appear here after each epoch.</p>}
            {codes && (
              <>
                <p data-testid="prior-codes-dims">
                  {wide
                    ? `The first two of ${codes.codeSize} code values (x: value 1, y: value 2).`
                    : codes.codeSize === 2
                      ? 'x: code value 1, y: code value 2.'
                      : 'x: the one code value (y is 0).'}
                </p>
                {stats && (
                  <table className="prior-codes-stats" data-testid="prior-codes-stats">
                    <thead>
                      <tr>
                        <th />
                        <th>mean</th>
                        <th>sd</th>
                      </tr>
                    </thead>
                    <tbody>
                      <tr>
                        <td>codes x</td>
                        <td>{stats.x.mean.toFixed(2)}</td>
                        <td>{stats.x.sd.toFixed(2)}</td>
                      </tr>
                      <tr>
                        <td>codes y</td>
                        <td>{stats.y.mean.toFixed(2)}</td>
                        <td>{stats.y.sd.toFixed(2)}</td>
                      </tr>
                      <tr className="muted">
                        <td>prior</td>
                        <td>0.00</td>
                        <td>{priorSd(prior).toFixed(2)}</td>
                      </tr>
                    </tbody>
                  </table>
                )}
                <div className="prior-codes-legend">
                  {labels.map((l) => (
                    <span key={l}>
                      <i style={{ background: labelColor(l) }} aria-hidden="true" />
                      {l < 0 ? 'no label' : l}
                    </span>
                  ))}
                </div>
              </>
            )}
          </div>
        </div>
      )}
    </ViewPanel>
  );
}

const describePrior = (p: PriorSpec): string =>
  p.distribution === 'normal' ? `a normal N(0, ${p.spread}²)` : `uniform on ±${p.spread}`;

/** A uniform U(-s, s) has standard deviation s / sqrt(3). */
const priorSd = (p: PriorSpec): number =>
  p.distribution === 'normal' ? p.spread : p.spread / Math.sqrt(3);
