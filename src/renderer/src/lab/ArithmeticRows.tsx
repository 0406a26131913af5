import { useEffect, useMemo, useState } from 'react';
import {
  describeSum,
  meanOfCodes,
  noiseAround,
  partialSums,
} from '../../../shared/latent/arithmetic';
import { decodeCodes } from '../actions/model';
import { composeGrid, type GridBitmap } from '../recon/imageGrid';
import { BitmapCanvas } from '../views/BitmapCanvas';
import type { ArithmeticSource } from './ArithmeticSource';
import { useArithmetic, type ArithmeticTerm } from './ArithmeticStore';

const ZOOM = 3;

/** The codes of each step (first term, after each + or −) then the noisy ones around the result. */
function stepCodes(
  terms: ArithmeticTerm[],
  source: ArithmeticSource,
  noise: { count: number; size: number; seed: number },
): { points: Float32Array<ArrayBuffer>; steps: number } | { problem: string } {
  const vectors = terms.map((t) => meanOfCodes(source.rows, t.indices));
  const lost = terms.find((_, n) => vectors[n] === null);
  if (lost)
    return { problem: `“${lost.name}” no longer fits these codes: remove it and pick again.` };
  const steps = partialSums(terms.map((t, n) => ({ weight: t.weight, vector: vectors[n]! })));
  if (!steps) return { problem: 'The terms have codes of different sizes.' };
  const size = source.rows.size;
  const around = noiseAround(steps.at(-1)!, noise.count, noise.size, noise.seed);
  const points = new Float32Array((steps.length + noise.count) * size);
  steps.forEach((s, n) => points.set(s, n * size));
  points.set(around, steps.length * size);
  return { points, steps: steps.length };
}

/** Each step of the sum decoded as one row, and the result with noise around it as another. */
export function ArithmeticRows({
  runId,
  source,
  terms,
}: {
  runId: string;
  source: ArithmeticSource;
  terms: ArithmeticTerm[];
}) {
  const noiseCount = useArithmetic((s) => s.noiseCount);
  const noiseSize = useArithmetic((s) => s.noiseSize);
  const seed = useArithmetic((s) => s.seed);
  const asked = useMemo(
    () => stepCodes(terms, source, { count: noiseCount, size: noiseSize, seed }),
    [terms, source, noiseCount, noiseSize, seed],
  );
  const [rows, setRows] = useState<{ steps: GridBitmap; noise: GridBitmap | null } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if ('problem' in asked) return;
    const { points, steps } = asked;
    const count = points.length / source.rows.size;
    let live = true;
    void decodeCodes({ runId, points, count }).then((decoded) => {
      if (!live) return;
      if (!decoded.ok) return setProblem(decoded.error.message);
      setProblem(null);
      const size = source.geometry.width * source.geometry.height * source.geometry.channels;
      const images = decoded.value.images;
      setRows({
        steps: composeGrid([images.subarray(0, steps * size)], steps, source.geometry),
        noise:
          count > steps
            ? composeGrid([images.subarray(steps * size)], count - steps, source.geometry)
            : null,
      });
    });
    return () => {
      live = false;
    };
  }, [asked, runId, source]);

  const words = describeSum(terms);
  const shown = 'problem' in asked ? asked.problem : problem;
  if (shown) return <div className="field-error">{shown}</div>;
  if (!rows) return <p className="muted">Decoding…</p>;
  const captions = terms.map((t, n) =>
    n === 0 ? t.name : `${t.weight < 0 ? '−' : '+'} ${t.name}`,
  );
  const cell = (source.geometry.width + 1) * ZOOM;
  return (
    <div className="arith-rows" data-testid="arith-rows" data-steps={terms.length} data-sum={words}>
      <BitmapCanvas
        bitmap={rows.steps}
        zoom={ZOOM}
        testId="arith-steps"
        label={`Each step of ${words}, decoded`}
      />
      <div
        className="arith-captions"
        style={{ gridTemplateColumns: `repeat(${terms.length}, ${cell}px)` }}
      >
        {captions.map((c, n) => (
          <span key={n} className={n === terms.length - 1 ? 'result' : ''}>
            {n === terms.length - 1 && n > 0 ? `${c} (result)` : c}
          </span>
        ))}
      </div>
      {rows.noise && (
        <>
          <BitmapCanvas
            bitmap={rows.noise}
            zoom={ZOOM}
            testId="arith-noise"
            label={`${noiseCount} samples around the result`}
          />
          <span className="muted">
            {noiseCount} codes around the result: it plus Gaussian noise of size {noiseSize}.
          </span>
        </>
      )}
    </div>
  );
}
