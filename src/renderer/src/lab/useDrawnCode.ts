import { useEffect, useMemo, useRef, useState } from 'react';
import { decodeCodes, encodeWithVariance } from '../actions/model';
import { latestOnly } from '../generate/latestOnly';
import { varianceOf } from '../../../shared/lab/plane';
import { hasInk } from './brush';
import { labStore } from './labStore';

/** What the model makes of the drawing: its code, and the decoder's picture of that code. */
export interface DrawnResult {
  code: Float32Array;
  variance: Float32Array | null;
  /** The reconstruction, or null when the design has no separate decoder. */
  image: Float32Array | null;
  /** The drawing it belongs to (a copy). */
  drawing: Float32Array;
}

/**
 * Encodes the drawing each time it changes (one request in flight, only the newest waiting), so
 * the point and the reconstruction follow the pen; a new epoch encodes it again. `pixels` is the
 * pad's one array, changed in place.
 */
export function useDrawnCode(runId: string | null, epoch: number, pixels: Float32Array) {
  const [result, setResult] = useState<DrawnResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const run = useRef(runId);
  run.current = runId;
  const encoder = useMemo(
    () =>
      latestOnly(
        async (
          drawing: Float32Array<ArrayBuffer>,
        ): Promise<DrawnResult | { error: string } | null> => {
          const id = run.current;
          if (!id) return null;
          const encoded = await encodeWithVariance({ runId: id, images: drawing, count: 1 });
          if (!encoded.ok) return { error: encoded.error.message };
          const { codes, logVar } = encoded.value;
          const decoded = await decodeCodes({ runId: id, points: codes, count: 1 });
          return {
            code: codes,
            variance: logVar ? varianceOf(logVar) : null,
            image: decoded.ok ? decoded.value.images : null,
            drawing,
          };
        },
        (answer) => {
          // A clear while the request flew: the empty pad has no point.
          if (!answer || !hasInk(pixels)) return;
          if ('error' in answer) return setProblem(answer.error);
          setProblem(null);
          setResult(answer);
          labStore
            .getState()
            .setDrawn({ code: answer.code, variance: answer.variance }, answer.drawing);
        },
      ),
    [],
  );
  const ask = () => {
    if (!hasInk(pixels)) {
      setResult(null);
      labStore.getState().setDrawn(null);
      return;
    }
    encoder.request(Float32Array.from(pixels));
  };
  useEffect(ask, [runId, epoch]);
  return { result, problem, ask };
}
