import { useCallback, useEffect, useRef, useState } from 'react';
import { SettingField } from '../panels/SettingField';
import { composeGrid, imageGeometry } from '../recon/imageGrid';
import { drawBitmap } from '../views/BitmapCanvas';
import { exposeToBench, nextFrame, recordForBench } from '../views/benchHooks';
import { ViewPanel } from '../views/ViewPanel';
import { generateStore, useGenerate } from './generateStore';
import { gridCodes, priorGridCodes, type Range } from './latentPoints';
import { decodeToPictures, type LatentSetup } from './useLatent';

/** The grid is drawn at 2 CSS pixels per image pixel, capped so 20×20 digits fit the panel. */
const MAX_SIDE = 620;

/**
 * The latent grid (manifold): n×n codes evenly over a range of the two varied values, or over the
 * prior of a variational model, decoded in one request and drawn as one bitmap.
 */
export function LatentGridPanel({ latent }: { latent: LatentSetup }) {
  const n = useGenerate((s) => s.n);
  const asked = useGenerate((s) => s.range);
  const prior = useGenerate((s) => s.prior) && latent.variational;
  const canvas = useRef<HTMLCanvasElement>(null);
  const [status, setStatus] = useState<{ tiles: number; ms: number } | { error: string } | null>(
    null,
  );
  const xRange: Range = asked ?? latent.xRange;
  const yRange: Range = asked ?? latent.yRange;

  /** Decodes the grid and draws it; resolves with request-to-painted-frame milliseconds. */
  const decodeAndDraw = useCallback(async (): Promise<number | null> => {
    const started = performance.now();
    const points = prior
      ? priorGridCodes(n, latent.base, latent.dims)
      : gridCodes(n, xRange, yRange, latent.base, latent.dims);
    const asked = performance.now();
    // Bytes: the grid only draws its pictures, and a quarter of the size crosses faster.
    const result = await decodeToPictures(latent.runId, points, n * n);
    recordForBench('gridDecode', performance.now() - asked);
    if (!result.ok) {
      setStatus({ error: result.error.message });
      return null;
    }
    const geometry = imageGeometry(result.value.shape);
    const element = canvas.current;
    if (!geometry || !element) return null;
    const bitmap = composeGrid([result.value.images], n * n, geometry, n);
    drawBitmap(element, bitmap);
    const zoom = Math.max(1, Math.min(2, MAX_SIDE / bitmap.width));
    element.style.width = `${bitmap.width * zoom}px`;
    element.dataset.tiles = String(result.value.count);
    element.dataset.epoch = String(latent.epoch);
    recordForBench('gridDrawn', performance.now() - started);
    const ms = (await nextFrame()) - started;
    setStatus({ tiles: result.value.count, ms });
    return ms;
  }, [latent, n, prior, xRange.min, xRange.max, yRange.min, yRange.max]);

  useEffect(() => {
    void decodeAndDraw();
  }, [decodeAndDraw]);

  useEffect(
    () =>
      exposeToBench('gridOnce', async () => {
        const ms = await decodeAndDraw();
        if (ms !== null) recordForBench('grid', ms);
        return ms;
      }),
    [decodeAndDraw],
  );

  const set = generateStore.getState().set;
  return (
    <ViewPanel
      title="Latent grid"
      saveAs="latent-grid"
      hint={
        prior
          ? `${n}×${n} codes at evenly spaced quantiles of the N(0, 1) prior, decoded.`
          : `${n}×${n} codes evenly from ${xRange.min.toPrecision(3)} to ${xRange.max.toPrecision(3)} (code ${latent.dims[0] + 1}, left to right) and ${yRange.min.toPrecision(3)} to ${yRange.max.toPrecision(3)} (code ${latent.dims[1] + 1}, bottom to top), decoded.`
      }
      tools={
        status &&
        ('error' in status ? (
          <span className="field-error">{status.error}</span>
        ) : (
          <span className="muted">
            {status.tiles} images in {Math.round(status.ms)} ms
          </span>
        ))
      }
    >
      <div className="grid-settings">
        <SettingField
          label="Tiles per side"
          testId="grid-n"
          value={n}
          integer
          min={2}
          max={40}
          help="The grid shows n × n decoded images."
          onCommit={(v) => set({ n: v })}
        />
        <SettingField
          label="From"
          testId="grid-min"
          value={+xRange.min.toPrecision(3)}
          min={-1e6}
          max={1e6}
          step={0.1}
          disabled={prior}
          help="The smallest value of both varied code values."
          onCommit={(v) =>
            set({ range: { min: v, max: asked?.max ?? Math.max(xRange.max, v + 1e-3) } })
          }
        />
        <SettingField
          label="To"
          testId="grid-max"
          value={+xRange.max.toPrecision(3)}
          min={-1e6}
          max={1e6}
          step={0.1}
          disabled={prior}
          help="The largest value of both varied code values."
          onCommit={(v) =>
            set({ range: { min: asked?.min ?? Math.min(xRange.min, v - 1e-3), max: v } })
          }
        />
        <div className="grid-buttons">
          <button
            className="button"
            disabled={asked === null}
            onClick={() => set({ range: null })}
            title="Use the range the codes cover"
          >
            Fit to codes
          </button>
          {latent.variational && (
            <label className="check">
              <input
                type="checkbox"
                checked={prior}
                onChange={(e) => set({ prior: e.target.checked })}
              />{' '}
              From the prior
            </label>
          )}
        </div>
      </div>
      <div className="grid-box">
        <canvas
          ref={canvas}
          className="bitmap latent-grid"
          data-testid="latent-grid"
          role="img"
          aria-label="Decoded latent grid"
        />
      </div>
    </ViewPanel>
  );
}
