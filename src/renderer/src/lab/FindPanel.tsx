import { useMemo } from 'react';
import type { ThresholdRule } from '../../../shared/lab/hashing';
import { composeGrid, imageGeometry } from '../recon/imageGrid';
import type { Codes, Samples } from '../stores/runState';
import { BitmapCanvas } from '../views/BitmapCanvas';
import { ViewPanel } from '../views/ViewPanel';
import { labStore, useLab } from './labStore';
import { NeighbourRow } from './NeighbourRow';
import { PrecisionTable } from './PrecisionTable';
import { useSearch } from './useSearch';

interface Props {
  codes: Codes;
  samples: Samples;
  /** The activation of the run's code layer ('sigmoid', 'relu', 'gaussian', …), if known. */
  activation: string | null;
}

/** Find by code: an image's nearest neighbours by its code, its bits and its pixels, side by side. */
export function FindPanel({ codes, samples, activation }: Props) {
  const rule: ThresholdRule = activation === 'sigmoid' ? 'half' : 'median';
  const search = useSearch(codes, samples, rule);
  const asked = useLab((s) => s.query);
  const drawn = useLab((s) => s.drawn);
  const drawnImage = useLab((s) => s.drawnImage);
  const geometry = useMemo(() => imageGeometry(samples.sampleShape), [samples.sampleShape]);
  const useDrawing = asked < 0 && drawn !== null && drawnImage !== null;
  const query = useDrawing ? -1 : Math.min(Math.max(0, asked), search.count - 1);
  const { ofDrawing, ofSample } = search;
  const found = useMemo(
    () => (useDrawing ? ofDrawing(drawnImage!, drawn!) : ofSample(query)),
    [ofDrawing, ofSample, query, useDrawing, drawn, drawnImage],
  );
  const queryImage = useDrawing
    ? drawnImage!
    : samples.images.subarray(query * search.pixelSize, (query + 1) * search.pixelSize);
  const queryLabel = useDrawing ? null : samples.labels[query];
  const queryBitmap = useMemo(
    () => (geometry ? composeGrid([queryImage], 1, geometry) : null),
    [queryImage, geometry],
  );
  const set = (q: number) => labStore.getState().setQuery(q);

  return (
    <ViewPanel
      title="Find by code"
      saveAs="lab-find"
      testId="lab-find"
      hint={hashingHint(rule, activation, codes.codeSize)}
      tools={
        <div className="lab-tools">
          <label className="muted">
            Image{' '}
            <input
              type="number"
              className="lab-query-input"
              data-testid="lab-query"
              min={1}
              max={search.count}
              value={useDrawing ? '' : query + 1}
              onChange={(e) => set(Math.max(0, Number(e.target.value) - 1))}
            />
          </label>
          <button
            className="toggle"
            data-testid="lab-query-another"
            onClick={() => set(Math.floor(Math.random() * search.count))}
          >
            Another
          </button>
          <button
            className={`toggle ${useDrawing ? 'on' : ''}`}
            data-testid="lab-query-drawing"
            disabled={!drawn || !drawnImage}
            title={drawn ? undefined : 'Draw a digit on the pad first'}
            onClick={() => set(useDrawing ? 0 : -1)}
          >
            Your drawing
          </button>
        </div>
      }
    >
      {!geometry && <div className="empty-note">These samples cannot be drawn as images.</div>}
      {geometry && found && (
        <div className="lab-find-row">
          <figure className="lab-figure lab-query">
            <BitmapCanvas
              bitmap={queryBitmap}
              zoom={4}
              label="The image searched for"
              testId="lab-query-image"
            />
            <figcaption className="muted">
              {useDrawing ? 'Your drawing' : `Image ${query + 1}: a ${queryLabel}`}
            </figcaption>
          </figure>
          <div className="lab-rows">
            <NeighbourRow
              title="By its code"
              found={found.byCode}
              images={samples.images}
              labels={samples.labels}
              geometry={geometry}
              queryLabel={queryLabel}
              testId="lab-by-code"
            />
            <NeighbourRow
              title={`By its ${codes.codeSize} bits (Hamming distance)`}
              found={found.byBits}
              images={samples.images}
              labels={samples.labels}
              geometry={geometry}
              queryLabel={queryLabel}
              testId="lab-by-bits"
            />
            <NeighbourRow
              title="By its pixels"
              found={found.byPixels}
              images={samples.images}
              labels={samples.labels}
              geometry={geometry}
              queryLabel={queryLabel}
              testId="lab-by-pixels"
            />
          </div>
        </div>
      )}
      <PrecisionTable report={search.report} count={search.count} />
    </ViewPanel>
  );
}

/** How the bits were made, in words: exact for a sigmoid code, an approximation otherwise. */
function hashingHint(rule: ThresholdRule, activation: string | null, size: number): string {
  const start = `Semantic hashing turns each of the ${size} code values into one bit, and finds images whose bits differ in fewest places.`;
  if (rule === 'half') return `${start} The code layer is a sigmoid, so a value above 0.5 is a 1.`;
  const what =
    activation === 'gaussian'
      ? 'a sampled (variational) code'
      : activation
        ? `a ${activation} code`
        : 'a code of unknown range';
  return `${start} This model has ${what}, not a sigmoid, so there is no natural cut at 0.5: each value is cut at its own median over these images instead (half the images get a 1). A sigmoid code layer is the design semantic hashing asks for.`;
}
