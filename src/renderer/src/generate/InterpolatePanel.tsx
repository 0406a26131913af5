import { useEffect, useMemo, useState } from 'react';
import { encodeImages } from '../actions/model';
import { useWidth } from '../charts/useWidth';
import { composeGrid, imageGeometry } from '../recon/imageGrid';
import type { Samples } from '../stores/runState';
import { useRun } from '../stores/runStore';
import { BitmapCanvas } from '../views/BitmapCanvas';
import { ViewPanel } from '../views/ViewPanel';
import type { GridBitmap } from '../recon/imageGrid';
import { defaultPair } from './choices';
import { aDigit, tileAt, tileBox } from './choiceStrip';
import { interpolationPath, type InterpolationKind } from '../../../shared/latent/interpolate';
import { useLab } from '../lab/labStore';
import { endpointCode } from './endpointCode';
import { generateStore, useGenerate, type Endpoint } from './generateStore';
import { decode, type LatentSetup } from './useLatent';
import './generate.css';

const CHOICES = 24;
const COLUMNS = 12;
const STEPS = 10;

/** Interpolation: two chosen digits encoded, and the straight line between their codes decoded. */
export function InterpolatePanel({ latent }: { latent: LatentSetup }) {
  const samples = useRun((s) => s.samples);
  // The pair belongs to the samples it was chosen from: a new run starts from its own default.
  const [chosen, setChosen] = useState<{ of: Samples | null; pair: [number, number] }>({
    of: null,
    pair: [0, 1],
  });
  const [next, setNext] = useState<0 | 1>(0);
  const [row, setRow] = useState<GridBitmap | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { ref, width } = useWidth<HTMLDivElement>(600);
  const size = samples ? samples.sampleShape.reduce((a, b) => a * b, 1) : 0;
  const shape = samples?.sampleShape;
  const geometry = useMemo(() => (shape ? imageGeometry(shape) : null), [shape]);
  const count = samples ? Math.min(CHOICES, samples.count) : 0;
  const pair = useMemo<[number, number]>(
    () =>
      chosen.of === samples && samples ? chosen.pair : defaultPair(samples?.labels ?? null, count),
    [chosen, samples, count],
  );
  const strip = useMemo(
    () => (samples && geometry ? composeGrid([samples.images], count, geometry, COLUMNS) : null),
    [samples, geometry, count],
  );

  const codes = useRun((s) => s.codes);
  const ends = useGenerate((s) => s.ends);
  const asked = useGenerate((s) => s.pathKind);
  const kind: InterpolationKind = asked ?? (latent.variational ? 'spherical' : 'linear');
  const drawn = useLab((s) => s.drawn);

  useEffect(() => {
    if (!samples || !geometry || count < 2 || !codes) return;
    let live = true;
    void (async () => {
      const images = new Float32Array(2 * size);
      images.set(samples.images.subarray(pair[0] * size, (pair[0] + 1) * size), 0);
      images.set(samples.images.subarray(pair[1] * size, (pair[1] + 1) * size), size);
      const encoded = await encodeImages({
        runId: latent.runId,
        images,
        count: 2,
      });
      if (!live) return;
      if (!encoded.ok) return setError(encoded.error.message);
      const k = encoded.value.codeSize;
      // A handed-over end (a selection, the drawing) replaces the digit chosen here.
      const side = (end: 0 | 1) => {
        const handed = ends[end];
        const own = images.subarray(end * size, (end + 1) * size);
        if (!handed)
          return { code: encoded.value.codes.subarray(end * k, (end + 1) * k), image: own };
        const code = endpointCode(handed, codes);
        const one = handed.indices?.length === 1 ? handed.indices[0] : null;
        const image = one !== null ? samples.images.subarray(one * size, (one + 1) * size) : null;
        return { code, image };
      };
      const [a, b] = [side(0), side(1)];
      if (!a.code || !b.code)
        return setError('A handed-over end no longer fits this run: choose it again.');
      const line = interpolationPath(a.code, b.code, STEPS, kind);
      const decoded = await decode(latent.runId, line, STEPS);
      if (!live) return;
      if (!decoded.ok) return setError(decoded.error.message);
      const tiles: Float32Array[] = [];
      for (const t of [a.image, decoded.value.images, b.image]) if (t) tiles.push(t);
      const all = new Float32Array(tiles.reduce((n, t) => n + t.length, 0));
      tiles.reduce((at, t) => (all.set(t, at), at + t.length), 0);
      setError(null);
      setRow(composeGrid([all], all.length / size, geometry));
    })();
    return () => {
      live = false;
    };
  }, [samples, codes, geometry, size, count, pair, ends, kind, latent.runId, latent.epoch]);

  const zoom = strip ? Math.min(2, width / strip.width) : 1;
  const choose = (px: number, py: number) => {
    // Choosing a digit here takes over from a handed-over end on that side.
    if (ends[next]) handTo(next, null);
    if (!geometry) return;
    const index = tileAt(px / zoom, py / zoom, COLUMNS, count, geometry);
    if (index === null) return;
    setChosen({ of: samples, pair: next === 0 ? [index, pair[1]] : [pair[0], index] });
    setNext(next === 0 ? 1 : 0);
  };
  const label = (i: number) => (samples && i < samples.count ? samples.labels[i] : undefined);
  const names = [0, 1].map((end) => ends[end]?.name ?? aDigit(label(pair[end])));
  const handTo = (end: 0 | 1, endpoint: Endpoint | null) =>
    generateStore.getState().setEnd(end, endpoint);

  return (
    <ViewPanel
      title="Interpolation"
      saveAs="interpolation"
      hint={`From ${names[0]} to ${names[1]}: both are encoded and ${STEPS} codes on the ${kind === 'spherical' ? 'great circle' : 'straight line'} between them are decoded. Click a digit below to choose the ${next === 0 ? 'first' : 'second'} one.`}
      tools={
        <select
          data-testid="interpolation-kind"
          value={kind}
          title="Spherical keeps the codes of a Gaussian prior at their typical length"
          onChange={(e) =>
            generateStore.getState().set({ pathKind: e.target.value as InterpolationKind })
          }
        >
          <option value="linear">Straight line</option>
          <option value="spherical">Spherical (for a Gaussian prior)</option>
        </select>
      }
    >
      {(ends[0] || ends[1] || drawn) && (
        <div className="handed-ends" data-testid="interpolation-handed">
          {[0, 1].map((end) =>
            ends[end] ? (
              <span key={end} className="handed-end">
                {end === 0 ? 'From' : 'To'} {ends[end]?.name}{' '}
                <button onClick={() => handTo(end as 0 | 1, null)}>use a digit</button>
              </span>
            ) : null,
          )}
          {drawn && (
            <button
              data-testid="interpolate-from-drawing"
              onClick={() => handTo(0, { name: 'your drawing', code: drawn.code })}
            >
              From your drawing
            </button>
          )}
        </div>
      )}
      <div ref={ref}>
        {strip && geometry && (
          <div
            className="choice-strip"
            onClick={(e) => {
              const box = e.currentTarget.querySelector('canvas')?.getBoundingClientRect();
              if (box) choose(e.clientX - box.left, e.clientY - box.top);
            }}
          >
            <BitmapCanvas
              bitmap={strip}
              zoom={zoom}
              testId="interpolate-choices"
              label="Validation digits to choose from"
              style={{ cursor: 'pointer' }}
              data={{ next: next === 0 ? 'first' : 'second' }}
            />
            {pair.map((index, end) => {
              // A handed-over end is not one of these digits: no tile is marked for it.
              if (ends[end]) return null;
              const box = tileBox(index, COLUMNS, geometry);
              return (
                <span
                  key={end}
                  className={`chosen-tile ${end === 0 ? 'from' : 'to'}`}
                  data-testid="interpolate-chosen"
                  data-index={index}
                  data-digit={label(index) ?? ''}
                  title={end === 0 ? `First: ${names[0]}` : `Second: ${names[1]}`}
                  style={{
                    left: box.left * zoom - 2,
                    top: box.top * zoom - 2,
                    width: box.width * zoom + 4,
                    height: box.height * zoom + 4,
                  }}
                >
                  <span className="chosen-badge">{end === 0 ? 'from' : 'to'}</span>
                </span>
              );
            })}
          </div>
        )}
        {error && <div className="field-error">{error}</div>}
        {row && (
          <BitmapCanvas
            bitmap={row}
            zoom={Math.min(3, width / row.width)}
            testId="interpolation"
            label={`${names[0]}, the decoded line, ${names[1]}`}
          />
        )}
        {row && (
          <div
            className="interpolation-ends muted"
            data-testid="interpolation-ends"
            style={{ width: row.width * Math.min(3, width / row.width) }}
          >
            <span>{names[0]}</span>
            <span>{names[1]}</span>
          </div>
        )}
      </div>
    </ViewPanel>
  );
}
