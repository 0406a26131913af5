import { useEffect, useMemo, useState } from 'react';
import type { UnitLayer, UnitReply } from '../../../shared/contract/labQueries';
import { inspectUnit, listUnitLayers } from '../actions/lab';
import { scaleEach } from '../inspect/featureImages';
import { composeGrid, imageGeometry } from '../recon/imageGrid';
import { useRun } from '../stores/runStore';
import type { Samples } from '../stores/runState';
import { BitmapCanvas } from '../views/BitmapCanvas';
import { ViewPanel } from '../views/ViewPanel';
import { samplesToSend } from './samplesToSend';
import { ablationWords, changeImages, weightsTitle } from './unitWords';
import './UnitInspector.css';

const TOP = 8;

/** Pick a layer and a unit: its weights as a picture, the samples it likes most, and what turning it off does. */
export function UnitInspector() {
  const runId = useRun((s) => s.runId);
  const ended = useRun((s) => s.phase === 'ended' || s.phase === 'idle');
  const samples = useRun((s) => s.samples);
  const [layers, setLayers] = useState<UnitLayer[]>([]);
  const [layer, setLayer] = useState<string | null>(null);
  const [unit, setUnit] = useState(0);
  const [reply, setReply] = useState<UnitReply | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!runId || !ended) return;
    let live = true;
    void listUnitLayers(runId).then((r) => {
      if (!live) return;
      if (!r.ok) return setProblem(r.error.message);
      setLayers(r.value.layers);
      setLayer((current) =>
        r.value.layers.some((l) => l.layer === current)
          ? current
          : (r.value.layers[0]?.layer ?? null),
      );
    });
    return () => {
      live = false;
    };
  }, [runId, ended]);

  const chosen = layers.find((l) => l.layer === layer) ?? null;
  const index = chosen ? Math.min(unit, chosen.units - 1) : 0;
  const sent = useMemo(() => (samples ? samplesToSend(samples) : null), [samples]);

  useEffect(() => {
    if (!runId || !ended || !chosen || !sent || sent.count === 0) return;
    let live = true;
    void inspectUnit({
      runId,
      layer: chosen.layer,
      unit: index,
      images: sent.images,
      count: sent.count,
      top: TOP,
    }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setReply(r.value);
        setProblem(null);
      } else setProblem(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [runId, ended, chosen, index, sent]);

  return (
    <ViewPanel
      title="Any layer, any unit"
      saveAs="unit"
      testId="unit-inspector"
      hint="Pick a layer and one of its units: its weights drawn as a picture where they touch the pixels, the samples that excite it most, and their reconstructions with the unit turned off."
      tools={
        layers.length > 0 && (
          <div className="unit-tools">
            <select
              data-testid="unit-layer"
              aria-label="Layer"
              value={layer ?? ''}
              onChange={(e) => {
                setLayer(e.target.value);
                setUnit(0);
              }}
            >
              {layers.map((l) => (
                <option key={l.layer} value={l.layer}>
                  {l.label} ({l.kind}, {l.units})
                </option>
              ))}
            </select>
            <button
              className="icon-button"
              aria-label="Previous unit"
              disabled={index === 0}
              onClick={() => setUnit(index - 1)}
            >
              ‹
            </button>
            <input
              data-testid="unit-index"
              aria-label="Unit"
              type="number"
              min={0}
              max={(chosen?.units ?? 1) - 1}
              value={index}
              onChange={(e) => setUnit(Math.max(0, Number(e.target.value) || 0))}
            />
            <button
              className="icon-button"
              aria-label="Next unit"
              disabled={!chosen || index >= chosen.units - 1}
              onClick={() => setUnit(index + 1)}
            >
              ›
            </button>
          </div>
        )
      }
    >
      {!runId && (
        <div className="empty-note">Train a model, then look inside any of its units here.</div>
      )}
      {runId && !ended && (
        <div className="empty-note">The units can be inspected when training ends.</div>
      )}
      {problem && <div className="empty-note">{problem}</div>}
      {reply && samples && reply.layer === chosen?.layer && (
        <UnitDetail reply={reply} samples={samples} />
      )}
    </ViewPanel>
  );
}

function UnitDetail({ reply, samples }: { reply: UnitReply; samples: Samples }) {
  const geometry = imageGeometry(reply.imageShape);
  const size = reply.imageShape.reduce((a, b) => a * b, 1);
  const bitmaps = useMemo(() => {
    if (!geometry) return null;
    const originals = new Float32Array(reply.top.length * size);
    reply.top.forEach((s, i) =>
      originals.set(samples.images.subarray(s * size, (s + 1) * size), i * size),
    );
    return composeGrid(
      [
        originals,
        reply.reconstructions,
        reply.ablated,
        changeImages(reply.reconstructions, reply.ablated),
      ],
      reply.top.length,
      geometry,
    );
  }, [reply, samples, geometry, size]);
  return (
    <div
      className="unit-detail"
      data-testid="unit-detail"
      data-unit={reply.unit}
      data-layer={reply.layer}
    >
      <div className="unit-weights">
        {reply.weights.length === 0 && (
          <div className="muted unit-note">
            This layer does not touch the pixels, so its weights are not a picture.
          </div>
        )}
        {reply.weights.map((w) => {
          const g = imageGeometry(w.shape);
          if (!g) return null;
          const bitmap = composeGrid([scaleEach(w.values, 1, w.values.length)], 1, g);
          return (
            <figure key={w.direction} className="unit-figure">
              <BitmapCanvas
                bitmap={bitmap}
                zoom={Math.max(3, Math.floor(84 / g.width))}
                testId={`unit-weights-${w.direction}`}
                label={weightsTitle(w.direction)}
              />
              <figcaption className="muted">{weightsTitle(w.direction)}</figcaption>
            </figure>
          );
        })}
      </div>
      <div className="unit-top">
        <div className="unit-rows muted">
          <span>most active</span>
          <span>rebuilt</span>
          <span>unit off</span>
          <span>change</span>
        </div>
        {bitmaps && (
          <BitmapCanvas
            bitmap={bitmaps}
            zoom={2}
            testId="unit-top"
            label="The samples that activate this unit most, their reconstructions, the reconstructions with the unit off, and where they changed"
            data={{ count: reply.top.length }}
          />
        )}
        <div className="unit-values muted">
          top values: {reply.top.map((s) => reply.activations[s].toFixed(2)).join(' · ')}
        </div>
        <div className="unit-ablation" data-testid="unit-ablation">
          {ablationWords(reply.unit, reply.lossBefore, reply.lossAfter)}
        </div>
      </div>
    </div>
  );
}
