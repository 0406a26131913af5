import { useEffect, useMemo, useState } from 'react';
import { useWidth } from '../charts/useWidth';
import { useRun } from '../stores/runStore';
import type { Samples } from '../stores/runState';
import { ViewPanel } from '../views/ViewPanel';
import { labelsPresent } from './labelColors';
import { pca, type PcaScaling } from './pca';
import { planeExtent, type Plane } from './projection';
import { LabelLegend, ScatterCanvas } from './ScatterCanvas';

const SCALINGS: { value: PcaScaling; label: string }[] = [
  { value: 'center', label: 'Centered only' },
  { value: 'normalize', label: 'Normalized (each image to length 1)' },
  { value: 'standardize', label: 'Standardized (each pixel to mean 0, sd 1)' },
];

/** PCA of the raw digits, on the same samples: what a linear method finds without training. */
export function RawPcaPanel() {
  const samples = useRun((s) => s.samples);
  const [scaling, setScaling] = useState<PcaScaling>('center');
  const [plane, setPlane] = useState<{
    plane: Plane;
    samples: Samples;
    scaling: PcaScaling;
  } | null>(null);
  const { ref, width } = useWidth<HTMLDivElement>(420);
  const side = Math.max(240, Math.min(width, 600));

  useEffect(() => {
    if (!samples) return;
    // A few hundred milliseconds of arithmetic: let the view draw first.
    const timer = setTimeout(() => {
      const size = samples.sampleShape.reduce((a, b) => a * b, 1);
      const result = pca(samples.images, samples.count, size, { k: 2, scaling, iterations: 40 });
      const pct = (v: number | undefined) => `${Math.round((v ?? 0) * 100)} %`;
      setPlane({
        plane: {
          xy: result.projected,
          count: samples.count,
          axes: [`PC 1 (${pct(result.explained[0])})`, `PC 2 (${pct(result.explained[1])})`],
        },
        samples,
        scaling,
      });
    }, 30);
    return () => clearTimeout(timer);
  }, [samples, scaling]);

  const current = plane && plane.samples === samples ? plane.plane : null;
  const frame = useMemo(
    () =>
      current
        ? { extent: planeExtent(current.xy, current.count), width: side, height: side, pad: 14 }
        : null,
    [current, side],
  );
  const present = useMemo(
    () => (samples ? labelsPresent(samples.labels, samples.count) : []),
    [samples],
  );
  return (
    <ViewPanel
      title="PCA of the raw inputs"
      saveAs="pca-inputs"
      hint="The same digits projected on their first two principal components, without any training: compare how well the autoencoder separates the labels."
      tools={
        <select
          data-testid="pca-scaling"
          value={scaling}
          title="How the pixels are scaled before PCA"
          onChange={(e) => setScaling(e.target.value as PcaScaling)}
        >
          {SCALINGS.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      }
    >
      <div ref={ref} className="scatter-box">
        {current && frame ? (
          <ScatterCanvas
            frame={frame}
            xy={current.xy}
            count={current.count}
            labels={samples?.labels ?? null}
            axes={current.axes}
            testId="pca-scatter"
          />
        ) : (
          <div className="empty-note">
            {samples ? 'Computing PCA…' : 'Appears when a run starts.'}
          </div>
        )}
      </div>
      {present.length > 0 && <LabelLegend labels={present} />}
    </ViewPanel>
  );
}
