import type { PastRun } from '../stores/runHistory';
import { curvePoints, pathOf } from './curvePoints';

const FRAME = { width: 520, height: 120, pad: 8 };

/** Both runs' validation (solid) and training (dashed) losses on one log scale; the blend fades one into the other. */
export function CompareCurves({ a, b, t }: { a: PastRun; b: PastRun; t: number }) {
  const val = curvePoints([a.epochs, b.epochs], (e) => e.valLoss, FRAME);
  const train = curvePoints([a.epochs, b.epochs], (e) => e.trainLoss, FRAME);
  const last = (r: PastRun) => r.epochs.at(-1)?.valLoss ?? r.epochs.at(-1)?.trainLoss ?? null;
  const fmt = (v: number | null) => (v === null ? '–' : v.toFixed(4));
  return (
    <div className="compare-curves">
      <svg
        viewBox={`0 0 ${FRAME.width} ${FRAME.height}`}
        width={FRAME.width}
        height={FRAME.height}
        data-testid="compare-curves"
        role="img"
        aria-label="Loss curves of both runs"
      >
        {[0, 1].map((i) => (
          <g
            key={i}
            className={i === 0 ? 'curve-a' : 'curve-b'}
            opacity={i === 0 ? 1 - 0.7 * t : 0.3 + 0.7 * t}
          >
            <path d={pathOf(train[i])} className="compare-train" />
            <path d={pathOf(val[i])} className="compare-val" />
            {/* A run of one epoch is one point: the markers show it. */}
            {val[i].map((p, k) => (
              <circle key={k} cx={p.x} cy={p.y} r={3.5} className="compare-point" />
            ))}
          </g>
        ))}
      </svg>
      <div className="compare-legend">
        <span className="swatch-a">■</span> A · {a.name} · last validation loss {fmt(last(a))}
        <br />
        <span className="swatch-b">■</span> B · {b.name} · last validation loss {fmt(last(b))}
      </div>
    </div>
  );
}
