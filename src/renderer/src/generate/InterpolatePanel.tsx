import { useEffect, useMemo, useState } from 'react';
import { studio } from '../app/studio';
import { useWidth } from '../charts/useWidth';
import { composeGrid, imageGeometry } from '../recon/imageGrid';
import { useRun } from '../stores/runStore';
import { BitmapCanvas } from '../views/BitmapCanvas';
import { ViewPanel } from '../views/ViewPanel';
import type { GridBitmap } from '../recon/imageGrid';
import { lineCodes } from './latentPoints';
import { decode, type LatentSetup } from './useLatent';

const CHOICES = 24;
const STEPS = 10;

/** Interpolation: two chosen digits encoded, and the straight line between their codes decoded. */
export function InterpolatePanel({ latent }: { latent: LatentSetup }) {
  const samples = useRun((s) => s.samples);
  const [pair, setPair] = useState<[number, number]>([0, 1]);
  const [next, setNext] = useState<0 | 1>(0);
  const [row, setRow] = useState<GridBitmap | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { ref, width } = useWidth<HTMLDivElement>(600);
  const size = samples ? samples.sampleShape.reduce((a, b) => a * b, 1) : 0;
  const shape = samples?.sampleShape;
  const geometry = useMemo(() => (shape ? imageGeometry(shape) : null), [shape]);
  const count = samples ? Math.min(CHOICES, samples.count) : 0;
  const strip = useMemo(
    () => (samples && geometry ? composeGrid([samples.images], count, geometry, 12) : null),
    [samples, geometry, count],
  );

  useEffect(() => {
    if (!samples || !geometry || count < 2) return;
    let live = true;
    void (async () => {
      const images = new Float32Array(2 * size);
      images.set(samples.images.subarray(pair[0] * size, (pair[0] + 1) * size), 0);
      images.set(samples.images.subarray(pair[1] * size, (pair[1] + 1) * size), size);
      const encoded = await studio().client.invoke('model.encode', {
        runId: latent.runId,
        images,
        count: 2,
      });
      if (!live) return;
      if (!encoded.ok) return setError(encoded.error.message);
      const k = encoded.value.codeSize;
      const line = lineCodes(
        encoded.value.codes.subarray(0, k),
        encoded.value.codes.subarray(k, 2 * k),
        STEPS,
      );
      const decoded = await decode(latent.runId, line, STEPS);
      if (!live) return;
      if (!decoded.ok) return setError(decoded.error.message);
      const all = new Float32Array((STEPS + 2) * size);
      all.set(images.subarray(0, size), 0);
      all.set(decoded.value.images, size);
      all.set(images.subarray(size), (STEPS + 1) * size);
      setError(null);
      setRow(composeGrid([all], STEPS + 2, geometry));
    })();
    return () => {
      live = false;
    };
  }, [samples, geometry, size, count, pair, latent.runId, latent.epoch]);

  const choose = (px: number, py: number, zoom: number) => {
    if (!geometry) return;
    const col = Math.floor(px / zoom / (geometry.width + 1));
    const line = Math.floor(py / zoom / (geometry.height + 1));
    const index = line * 12 + col;
    if (index < 0 || index >= count) return;
    setPair(next === 0 ? [index, pair[1]] : [pair[0], index]);
    setNext(next === 0 ? 1 : 0);
  };

  return (
    <ViewPanel
      title="Interpolation"
      saveAs="interpolation"
      hint={`Click two digits below (now: ${pair[0] + 1} and ${pair[1] + 1}). Both are encoded; ${STEPS} codes on the straight line between them are decoded, first digit left, second right.`}
    >
      <div ref={ref}>
        {strip && (
          <div
            className="choice-strip"
            onClick={(e) => {
              const canvas = e.currentTarget.querySelector('canvas');
              const box = canvas?.getBoundingClientRect();
              if (box)
                choose(e.clientX - box.left, e.clientY - box.top, box.width / (strip.width || 1));
            }}
          >
            <BitmapCanvas
              bitmap={strip}
              zoom={Math.min(2, width / strip.width)}
              testId="interpolate-choices"
              label="Validation digits to choose from"
              style={{ cursor: 'pointer' }}
              data={{ next: next === 0 ? 'first' : 'second' }}
            />
          </div>
        )}
        {error && <div className="field-error">{error}</div>}
        {row && (
          <BitmapCanvas
            bitmap={row}
            zoom={Math.min(3, width / row.width)}
            testId="interpolation"
            label="The first digit, the decoded line, the second digit"
          />
        )}
      </div>
    </ViewPanel>
  );
}
