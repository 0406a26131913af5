import { useMemo } from 'react';
import { generateStore, type Endpoint } from '../generate/generateStore';
import { composeGrid, imageGeometry } from '../recon/imageGrid';
import { useRun } from '../stores/runStore';
import { BitmapCanvas } from '../views/BitmapCanvas';
import { tabStore } from '../views/viewTabs';
import { inspectStore, useInspect } from './inspectStore';
import { labelsPresent } from './labelColors';

const SHOWN = 48;
const COLUMNS = 16;

/** The selected points' images in a strip, and what the selection can be used for next. */
export function SelectionStrip() {
  const selection = useInspect((s) => s.selection);
  const samples = useRun((s) => s.samples);
  const strip = useMemo(() => {
    if (!selection || !samples) return null;
    const geometry = imageGeometry(samples.sampleShape);
    if (!geometry) return null;
    const size = samples.sampleShape.reduce((a, b) => a * b, 1);
    const n = Math.min(SHOWN, selection.length);
    const images = new Float32Array(n * size);
    for (let k = 0; k < n; k++)
      images.set(samples.images.subarray(selection[k] * size, (selection[k] + 1) * size), k * size);
    return composeGrid([images], n, geometry, COLUMNS);
  }, [selection, samples]);
  if (!selection || !samples || !strip) return null;
  const labels = Array.from(selection, (i) => samples.labels[i]);
  const counts = labelsPresent(labels).map((l) => `${labels.filter((x) => x === l).length} × ${l}`);
  const name =
    selection.length === 1 ? `image ${selection[0] + 1}` : `${selection.length} selected`;
  const endpoint = (): Endpoint => ({ name, indices: selection });
  const hand = (patch: () => void) => {
    patch();
    tabStore.getState().show('generate');
  };
  const g = generateStore.getState();
  return (
    <section
      className="panel selection-strip"
      aria-label="Selected images"
      data-testid="selection-strip"
    >
      <div className="panel-title-row">
        <h2 className="panel-title">
          {selection.length === 1 ? '1 image selected' : `${selection.length} images selected`}
        </h2>
        <div className="view-tools">
          <button data-testid="use-as-start" onClick={() => hand(() => g.setEnd(0, endpoint()))}>
            Interpolate from
          </button>
          <button data-testid="use-as-end" onClick={() => hand(() => g.setEnd(1, endpoint()))}>
            Interpolate to
          </button>
          {(['a', 'b', 'c'] as const).map((slot) => (
            <button
              key={slot}
              data-testid={`use-as-${slot}`}
              title={`Use the mean code of the selection as ${slot.toUpperCase()} in A − B + C`}
              onClick={() => hand(() => g.setGroup(slot, endpoint()))}
            >
              As {slot.toUpperCase()}
            </button>
          ))}
          <button onClick={() => inspectStore.getState().set({ selection: null })}>Clear</button>
        </div>
      </div>
      <p className="panel-hint" data-testid="selection-labels" data-labels={labels.join(',')}>
        Labels: {counts.join(', ')}
        {selection.length > SHOWN ? ` · the first ${SHOWN} are shown` : ''}. Their mean code can
        start or end an interpolation, or be A, B or C in latent arithmetic (Generate).
      </p>
      <BitmapCanvas
        bitmap={strip}
        zoom={2}
        testId="selection-images"
        label={`The ${Math.min(SHOWN, selection.length)} first selected images`}
        data={{ count: Math.min(SHOWN, selection.length) }}
      />
    </section>
  );
}
