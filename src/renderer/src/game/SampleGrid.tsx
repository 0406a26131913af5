import { useMemo, useState } from 'react';
import type { GeneratedFrames } from '../../../shared/project/gameRecord';
import { imageGeometry } from '../recon/imageGrid';
import { BitmapCanvas } from '../views/BitmapCanvas';
import { ViewPanel } from '../views/ViewPanel';
import { frameAt, frameValues, gridColumns, tileGrid } from './sampleGridModel';

interface Props {
  generated: GeneratedFrames | null;
  /** The trainer's number of the first epoch, so the label counts from 1. */
  epochBase: number | null;
  /** "run 2 · Dense GAN": which run and design the samples came from. */
  source: string;
  /** Words for the empty grid: what will appear, and when. */
  empty: string;
}

/** CSS pixels per sample pixel: a 10 x 10 grid of 28-pixel digits is 300 pixels, 600 at 2x. */
const ZOOM = 2;

/**
 * The generator's samples from the same 100 noise vectors after each epoch: because z never
 * changes, what changes in the grid is what the generator learnt. A slider goes back to earlier
 * epochs; left at the end it follows training.
 */
export function SampleGrid({ generated, epochBase, source, empty }: Props) {
  const [picked, setPicked] = useState<number | null>(null);
  const at = frameAt(generated, picked);
  const frames = generated?.frames ?? [];
  const geometry = useMemo(
    () => (generated ? imageGeometry(generated.sampleShape) : null),
    [generated],
  );
  const count = generated?.count ?? 0;
  const frame = at?.frame ?? null;
  const bitmap = useMemo(
    () =>
      frame && geometry ? tileGrid(frameValues(frame), count, geometry, gridColumns(count)) : null,
    [frame, geometry, count],
  );
  const epoch = frame ? frame.epoch - (epochBase ?? 1) + 1 : null;
  const following = picked === null || (at !== null && at.index === frames.length - 1);

  const tools =
    frames.length > 1 ? (
      <label className="sample-slider">
        <span className="muted">epoch</span>
        <input
          type="range"
          min={0}
          max={frames.length - 1}
          value={at?.index ?? 0}
          data-testid="game-epoch-slider"
          aria-label="Show the samples after an earlier epoch"
          onChange={(e) => {
            const i = Number(e.target.value);
            setPicked(i === frames.length - 1 ? null : i);
          }}
        />
      </label>
    ) : null;

  return (
    <ViewPanel
      title="Generated samples · fixed noise"
      saveAs="generated-samples"
      testId="game-samples"
      tools={tools}
      hint={
        <>
          The same {count || 100} noise vectors after every epoch, so what changes is what the
          generator learnt. {source && <span data-testid="game-source">From {source}.</span>}
        </>
      }
    >
      {!frame && (
        <div className="recon-empty" data-testid="game-sample-grid" data-epoch="">
          {empty}
        </div>
      )}
      {frame && !geometry && (
        <div className="recon-empty" data-testid="game-sample-grid" data-epoch={frame.epoch}>
          Samples of shape {generated?.sampleShape.join('×')} cannot be drawn as images.
        </div>
      )}
      {frame && geometry && (
        <div className="sample-grid-body">
          <BitmapCanvas
            bitmap={bitmap}
            zoom={ZOOM}
            testId="game-sample-grid"
            className="sample-grid-canvas"
            label={`${count} generated samples after epoch ${epoch}`}
            data={{ epoch: frame.epoch, shown: epoch ?? '', count }}
          />
          <p className="sample-grid-epoch" data-testid="game-epoch-label">
            epoch {epoch}
            {!following && (
              <span className="muted"> · an earlier epoch (drag right for the newest)</span>
            )}
            {following && frames.length > 1 && (
              <span className="muted"> · newest of {frames.length} kept</span>
            )}
          </p>
        </div>
      )}
    </ViewPanel>
  );
}
