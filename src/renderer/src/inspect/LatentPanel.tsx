import { useEffect, useMemo, useState } from 'react';
import { useWidth } from '../charts/useWidth';
import { useRun } from '../stores/runStore';
import { ViewPanel } from '../views/ViewPanel';
import { HoverImage } from './HoverImage';
import { labelsPresent } from './labelColors';
import { nearestPoint, type PlaneFrame } from './planeFrame';
import { PlanePicker } from './PlanePicker';
import { planeExtent } from './projection';
import { LabelLegend, ScatterCanvas } from './ScatterCanvas';
import { defaultChoice, useProjection, type PlaneChoice } from './useProjection';

/** The codes of the validation digits as a scatter coloured by label; hover shows the digit. */
export function LatentPanel() {
  const codes = useRun((s) => s.codes);
  const samples = useRun((s) => s.samples);
  const codeSize = codes?.codeSize ?? 2;
  const [choice, setChoice] = useState<PlaneChoice>(defaultChoice(codeSize));
  useEffect(() => setChoice(defaultChoice(codeSize)), [codeSize]);
  const { plane, busy } = useProjection(codes, choice);
  const { ref, width } = useWidth<HTMLDivElement>(420);
  const side = Math.max(240, Math.min(width, 600));
  const frame: PlaneFrame | null = useMemo(
    () =>
      plane
        ? { extent: planeExtent(plane.xy, plane.count), width: side, height: side, pad: 14 }
        : null,
    [plane, side],
  );
  const [hover, setHover] = useState<{ index: number; x: number; y: number } | null>(null);
  const labels = codes?.labels ?? null;
  const present = useMemo(() => (codes ? labelsPresent(codes.labels, codes.count) : []), [codes]);

  return (
    <ViewPanel
      title="Latent space"
      saveAs="latent-space"
      hint={
        codes
          ? `${codes.count.toLocaleString('en-US')} validation digits placed by their ${codes.codeSize} code values${busy ? ' · computing UMAP…' : ''}. Hover a point to see its digit.`
          : 'After each epoch, the codes of up to 2,000 validation digits appear here, coloured by label.'
      }
      tools={<PlanePicker codeSize={codeSize} choice={choice} onChange={setChoice} />}
    >
      <div ref={ref} className="scatter-box">
        {plane && frame && (
          <ScatterCanvas
            frame={frame}
            xy={plane.xy}
            count={plane.count}
            labels={labels}
            axes={plane.axes}
            testId="latent-scatter"
            onPointerMove={(e) => {
              const box = e.currentTarget.getBoundingClientRect();
              const [px, py] = [e.clientX - box.left, e.clientY - box.top];
              const index = nearestPoint(frame, plane.xy, plane.count, px, py);
              setHover(index === null ? null : { index, x: px, y: py });
            }}
            onPointerLeave={() => setHover(null)}
          />
        )}
        {hover && samples && hover.index < samples.count && (
          <HoverImage
            samples={samples}
            index={hover.index}
            left={hover.x + 14}
            top={hover.y + 14}
          />
        )}
      </div>
      {present.length > 0 && <LabelLegend labels={present} />}
    </ViewPanel>
  );
}
