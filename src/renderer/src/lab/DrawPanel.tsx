import { useEffect, useMemo, useRef, useState } from 'react';
import { nearestRows } from '../../../shared/lab/neighbours';
import { labelVotes, pixelCorrelation } from '../../../shared/lab/likeness';
import type { Codes } from '../stores/runState';
import { ViewPanel } from '../views/ViewPanel';
import { PAD_SIDE } from './brush';
import { DrawPad, paint } from './DrawPad';
import { LabPlaneView } from './LabPlane';
import { labStore, useLab } from './labStore';
import { useDrawnCode } from './useDrawnCode';

const ZOOM = 8;

/** Draw a digit: the model encodes it as you draw, places it on the plane and rebuilds it. */
export function DrawPanel({ runId, codes }: { runId: string; codes: Codes }) {
  const [pixels] = useState(() => new Float32Array(PAD_SIDE * PAD_SIDE));
  const [version, setVersion] = useState(0);
  const tool = useLab((s) => s.tool);
  const { result, problem, ask } = useDrawnCode(runId, codes.epoch, pixels);
  const changed = () => {
    setVersion((v) => v + 1);
    ask();
  };
  const clear = () => {
    pixels.fill(0);
    changed();
  };
  const likeness = result?.image ? pixelCorrelation(result.drawing, result.image) : null;
  const votes = useMemo(() => {
    if (!result || result.code.length !== codes.codeSize) return null;
    const rows = { values: codes.codes, count: codes.count, dim: codes.codeSize };
    return labelVotes(codes.labels, nearestRows(rows, result.code, 10));
  }, [result, codes]);

  return (
    <ViewPanel
      title="Draw into it"
      saveAs="lab-draw"
      testId="lab-draw"
      hint="Draw a digit with the mouse. The model encodes it as you draw: its point moves on the plane (white ring) and the decoder rebuilds it on the right."
      tools={
        <div className="lab-tools" role="group" aria-label="Pen">
          {(['pen', 'eraser'] as const).map((t) => (
            <button
              key={t}
              className={`toggle ${tool === t ? 'on' : ''}`}
              data-testid={`lab-tool-${t}`}
              aria-pressed={tool === t}
              onClick={() => labStore.getState().setTool(t)}
            >
              {t === 'pen' ? 'Pen' : 'Eraser'}
            </button>
          ))}
          <button className="toggle" data-testid="lab-clear" onClick={clear}>
            Clear
          </button>
        </div>
      }
    >
      <div className="lab-draw-row">
        <figure className="lab-figure">
          <DrawPad pixels={pixels} version={version} zoom={ZOOM} onChange={changed} />
          <figcaption className="muted">Your drawing</figcaption>
        </figure>
        <figure className="lab-figure">
          <Reconstruction image={result?.image ?? null} likeness={likeness} />
          <figcaption className="muted" data-testid="lab-likeness">
            {likeness === null
              ? result && !result.image
                ? 'This design has no separate decoder to rebuild it with.'
                : 'Its reconstruction'
              : `Its reconstruction · resembles it ${Math.round(likeness * 100)} %`}
          </figcaption>
        </figure>
        <LabPlaneView codes={codes} />
      </div>
      <p className="muted lab-reading" data-testid="lab-votes">
        {problem ??
          (votes
            ? `Its 10 nearest digits by code: ${votes.map(([l, n]) => `${n} × ${l}`).join(', ')}.`
            : 'Draw a digit in the black square.')}
        {result?.variance && ' The dashed ellipse is one standard deviation of its code.'}
      </p>
    </ViewPanel>
  );
}

function Reconstruction({
  image,
  likeness,
}: {
  image: Float32Array | null;
  likeness: number | null;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    paint(element, image ?? new Float32Array(PAD_SIDE * PAD_SIDE));
  }, [image]);
  return (
    <canvas
      ref={ref}
      width={PAD_SIDE}
      height={PAD_SIDE}
      className="lab-pad lab-recon"
      data-testid="lab-recon"
      data-likeness={likeness === null ? '' : likeness.toFixed(3)}
      role="img"
      aria-label="The model's reconstruction of your drawing"
      style={{ width: PAD_SIDE * ZOOM, height: PAD_SIDE * ZOOM }}
    />
  );
}
