import { useEffect, useMemo, useState } from 'react';
import type { RunViewsReply } from '../../../shared/contract/labQueries';
import { loadRunViews } from '../actions/lab';
import { scaleEach } from '../inspect/featureImages';
import { composeGrid, imageGeometry } from '../recon/imageGrid';
import { useRun } from '../stores/runStore';
import { useRunHistory } from '../stores/runHistory';
import { BitmapCanvas } from '../views/BitmapCanvas';
import { ViewPanel } from '../views/ViewPanel';
import { samplesToSend } from '../units/samplesToSend';
import { alignAxes, blend, codeLayout } from './blend';
import { CompareCurves } from './CompareCurves';
import { CompareScatter } from './CompareScatter';
import './CompareRuns.css';

/** Samples each run encodes for its map (the same ones for both runs). */
const MAP_SAMPLES = 500;
/** Reconstructions and features shown per run. */
const SHOWN = 8;
const FEATURES = 16;

type Views = { ok: true; views: RunViewsReply } | { ok: false; message: string };

/** Two runs of the project side by side: loss curves, reconstructions, features and code maps, with a blend. */
export function CompareRuns() {
  const runs = useRunHistory((s) => s.runs);
  const samples = useRun((s) => s.samples);
  const [picked, setPicked] = useState<[string | null, string | null]>([null, null]);
  const [t, setT] = useState(0.5);
  const [views, setViews] = useState<Record<string, Views>>({});
  const ids = runs.map((r) => r.runId);
  const a = picked[0] && ids.includes(picked[0]) ? picked[0] : (ids.at(-2) ?? null);
  const b = picked[1] && ids.includes(picked[1]) ? picked[1] : (ids.at(-1) ?? null);
  const sent = useMemo(() => (samples ? samplesToSend(samples, MAP_SAMPLES) : null), [samples]);

  useEffect(() => {
    if (!sent || sent.count === 0) return;
    let live = true;
    for (const id of [a, b]) {
      if (!id || views[`${id}:${sent.count}`]) continue;
      void loadRunViews({ runId: id, images: sent.images, count: sent.count }).then((r) => {
        if (!live) return;
        setViews((v) => ({
          ...v,
          [`${id}:${sent.count}`]: r.ok
            ? { ok: true, views: r.value }
            : { ok: false, message: r.error.message },
        }));
      });
    }
    return () => {
      live = false;
    };
  }, [a, b, sent, views]);

  const runA = runs.find((r) => r.runId === a) ?? null;
  const runB = runs.find((r) => r.runId === b) ?? null;
  const va = a && sent ? views[`${a}:${sent.count}`] : undefined;
  const vb = b && sent ? views[`${b}:${sent.count}`] : undefined;
  const choose = (side: 0 | 1, id: string) => setPicked(side === 0 ? [id, b] : [a, id]);

  return (
    <ViewPanel
      title="Runs side by side"
      saveAs="runs-side-by-side"
      testId="compare-runs"
      hint="Pick two runs of this project: their loss curves, the reconstructions of the same pictures, their first-layer features and their code maps. The slider blends run A into run B."
      tools={
        runs.length >= 2 && (
          <div className="compare-tools">
            {([0, 1] as const).map((side) => (
              <select
                key={side}
                data-testid={side === 0 ? 'compare-a' : 'compare-b'}
                aria-label={side === 0 ? 'Run A' : 'Run B'}
                value={(side === 0 ? a : b) ?? ''}
                onChange={(e) => choose(side, e.target.value)}
              >
                {runs.map((r) => (
                  <option key={r.runId} value={r.runId}>
                    {r.name}
                  </option>
                ))}
              </select>
            ))}
          </div>
        )
      }
    >
      {runs.length < 2 && (
        <div className="empty-note" data-testid="compare-empty">
          Train the project twice (or open a project with two runs) to compare runs here.
        </div>
      )}
      {runA && runB && (
        <div className="compare-body" data-testid="compare-body">
          <CompareCurves a={runA} b={runB} t={t} />
          <label className="compare-blend">
            <span>A</span>
            <input
              type="range"
              min={0}
              max={1}
              step={0.05}
              value={t}
              data-testid="compare-blend"
              aria-label="Blend run A into run B"
              onChange={(e) => setT(Number(e.target.value))}
            />
            <span>B</span>
            <span className="muted">{Math.round(t * 100)}% B</span>
          </label>
          {!sent && (
            <div className="empty-note">The views appear once a run has sent its samples.</div>
          )}
          {sent && <SideBySide a={va} b={vb} t={t} labels={samples?.labels ?? null} />}
        </div>
      )}
    </ViewPanel>
  );
}

function SideBySide({
  a,
  b,
  t,
  labels,
}: {
  a?: Views;
  b?: Views;
  t: number;
  labels: Int32Array | null;
}) {
  const va = a?.ok ? a.views : null;
  const vb = b?.ok ? b.views : null;
  const both = useMemo(() => (va && vb ? { a: va, b: vb } : null), [va, vb]);
  const geometry = both ? imageGeometry(both.a.imageShape) : null;
  const size = both ? both.a.imageShape.reduce((x, y) => x * y, 1) : 0;
  const same = both !== null && both.a.imageShape.join() === both.b.imageShape.join();
  const recon = (r: RunViewsReply) => r.reconstructions.subarray(0, SHOWN * size);
  const feats = (r: RunViewsReply) =>
    r.features
      ? scaleEach(r.features.subarray(0, FEATURES * size), Math.min(FEATURES, r.featureUnits), size)
      : null;
  const layouts = useMemo(() => {
    if (!both) return null;
    const la = codeLayout(both.a.codes, both.a.count, both.a.codeSize);
    const lb = alignAxes(la, codeLayout(both.b.codes, both.b.count, both.b.codeSize), both.a.count);
    return { la, lb };
  }, [both]);
  const column = (
    name: string,
    r: Float32Array | null,
    f: Float32Array | null,
    xy: Float32Array | null,
    testId: string,
  ) => (
    <div className="compare-column" data-testid={testId}>
      <div className="compare-column-title">{name}</div>
      {r && geometry && (
        <BitmapCanvas
          bitmap={composeGrid([r], SHOWN, geometry, 4)}
          zoom={2}
          label={`${name}: reconstructions`}
          testId={`${testId}-recon`}
        />
      )}
      {f && geometry && (
        <BitmapCanvas
          bitmap={composeGrid([f], f.length / size, geometry, 8)}
          zoom={1}
          label={`${name}: features`}
        />
      )}
      {!f && <div className="muted compare-note">No first-layer features to draw.</div>}
      {xy && (
        <CompareScatter
          xy={xy}
          labels={labels}
          count={both?.a.count ?? 0}
          testId={`${testId}-map`}
        />
      )}
    </div>
  );
  if (a && !a.ok)
    return (
      <div className="empty-note" data-testid="compare-problem">
        Run A: {a.message}
      </div>
    );
  if (b && !b.ok)
    return (
      <div className="empty-note" data-testid="compare-problem">
        Run B: {b.message}
      </div>
    );
  if (!both || !layouts) return <div className="empty-note">Loading both runs…</div>;
  if (!same)
    return <div className="empty-note">The two runs rebuild pictures of different shapes.</div>;
  const fa = feats(both.a);
  const fb = feats(both.b);
  return (
    <div className="compare-columns">
      {column('Run A', recon(both.a), fa, layouts.la, 'compare-col-a')}
      {column(
        `Blend ${Math.round(t * 100)}%`,
        blend(recon(both.a), recon(both.b), t),
        fa && fb && fa.length === fb.length ? blend(fa, fb, t) : null,
        blend(layouts.la, layouts.lb, t),
        'compare-col-blend',
      )}
      {column('Run B', recon(both.b), fb, layouts.lb, 'compare-col-b')}
    </div>
  );
}
