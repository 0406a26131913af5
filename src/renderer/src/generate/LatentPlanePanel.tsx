import { useEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import { useWidth } from '../charts/useWidth';
import { toData, type PlaneFrame } from '../inspect/planeFrame';
import { placeDrawn } from '../inspect/placeDrawn';
import { pickDims } from '../inspect/projection';
import { useLab } from '../lab/labStore';
import { ScatterCanvas } from '../inspect/ScatterCanvas';
import { composeGrid, imageGeometry } from '../recon/imageGrid';
import { useRun } from '../stores/runStore';
import { drawBitmap } from '../views/BitmapCanvas';
import { exposeToBench, nextFrame, recordForBench } from '../views/benchHooks';
import { ViewPanel } from '../views/ViewPanel';
import { DigitLegend } from './DigitLegend';
import { HeldValues } from './HeldValues';
import { fullCode } from './latentPoints';
import { latestOnly } from './latestOnly';
import { decode, type LatentSetup } from './useLatent';

interface Ask {
  point: [number, number];
  /** When the cursor got there: the latency runs from here to the painted frame. */
  at: number;
}

/**
 * The latent plane: the codes as a scatter; pressing or dragging decodes the point under the
 * cursor at once. Only the newest cursor position waits while a decode is in flight.
 */
export function LatentPlanePanel({ latent }: { latent: LatentSetup }) {
  const codes = useRun((s) => s.codes);
  const { ref, width } = useWidth<HTMLDivElement>(420);
  const side = Math.max(240, Math.min(width - 150, 460));
  const imageCanvas = useRef<HTMLCanvasElement>(null);
  const [marker, setMarker] = useState<[number, number] | null>(null);
  const dragging = useRef(false);
  const plane = useMemo(
    () => (codes ? pickDims(codes.codes, codes.count, codes.codeSize, latent.dims) : null),
    [codes, latent.dims],
  );
  const drawnCode = useLab((s) => s.drawn);
  // The Lab's drawing lands on the plane exactly (its two varied values), with a VAE's ellipse.
  const drawn = useMemo(
    () =>
      drawnCode && plane && codes
        ? placeDrawn(drawnCode, codes.codes, codes.codeSize, plane, {
            kind: 'dims',
            dims: latent.dims,
          })
        : null,
    [drawnCode, plane, codes, latent.dims],
  );
  const frame: PlaneFrame = useMemo(() => {
    const pad = (r: { min: number; max: number }) => (r.max - r.min) * 0.08;
    const { xRange: x, yRange: y } = latent;
    return {
      extent: { x0: x.min - pad(x), x1: x.max + pad(x), y0: y.min - pad(y), y1: y.max + pad(y) },
      width: side,
      height: side,
      pad: 10,
    };
  }, [latent, side]);

  const latest = useRef(latent);
  latest.current = latent;
  const decoder = useMemo(
    () =>
      latestOnly(
        async (ask: Ask) => {
          const l = latest.current;
          const code = fullCode(l.base, l.dims, ask.point[0], ask.point[1]);
          return decode(l.runId, code, 1);
        },
        async (result, ask) => {
          const element = imageCanvas.current;
          if (!result.ok || !element) return;
          const geometry = imageGeometry(result.value.shape);
          if (!geometry) return;
          drawBitmap(element, composeGrid([result.value.images], 1, geometry));
          recordForBench('dragDrawn', performance.now() - ask.at);
          element.dataset.decoded = String(Number(element.dataset.decoded ?? 0) + 1);
          element.dataset.point = ask.point.map((v) => v.toFixed(3)).join(',');
          recordForBench('drag', (await nextFrame()) - ask.at);
        },
      ),
    [],
  );

  const ask = (point: [number, number], at: number) => {
    setMarker(point);
    decoder.request({ point, at });
  };
  const onPointer = (e: PointerEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    ask(toData(frame, e.clientX - box.left, e.clientY - box.top), performance.now());
  };

  // A new epoch or held value redraws the marked point with the current decoder.
  useEffect(() => {
    if (marker) decoder.request({ point: marker, at: performance.now() });
  }, [latent]);
  useEffect(() => {
    if (!marker)
      ask(
        [(latent.xRange.min + latent.xRange.max) / 2, (latent.yRange.min + latent.yRange.max) / 2],
        performance.now(),
      );
  }, []);
  useEffect(() => exposeToBench('planeFrame', () => ({ ...frame })), [frame]);

  return (
    <ViewPanel
      title="Latent plane"
      saveAs="latent-plane"
      hint="Press and drag on the plane: the decoder draws the code under the cursor at once."
    >
      <div ref={ref} className="plane-row">
        {plane && (
          <ScatterCanvas
            frame={frame}
            xy={plane.xy}
            count={plane.count}
            labels={codes?.labels ?? null}
            axes={plane.axes}
            marker={marker}
            drawn={drawn}
            faint
            testId="latent-plane"
            onPointerDown={(e) => {
              dragging.current = true;
              e.currentTarget.setPointerCapture(e.pointerId);
              onPointer(e);
            }}
            onPointerMove={(e) => dragging.current && onPointer(e)}
            onPointerUp={() => (dragging.current = false)}
          />
        )}
        <div className="decoded-side">
          <canvas
            ref={imageCanvas}
            className="bitmap decoded-image"
            data-testid="decoded-image"
            role="img"
            aria-label="The decoded image of the marked point"
          />
          <div className="muted decoded-point">
            {marker
              ? `code ${latent.dims[0] + 1} = ${marker[0].toFixed(2)}, code ${latent.dims[1] + 1} = ${marker[1].toFixed(2)}`
              : ''}
          </div>
        </div>
      </div>
      {plane && <DigitLegend labels={codes?.labels ?? null} count={plane.count} />}
      {latent.codeSize > 2 && <HeldValues latent={latent} />}
    </ViewPanel>
  );
}
