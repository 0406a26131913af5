import { useMemo } from 'react';
import { useLab } from '../lab/labStore';
import { useRun } from '../stores/runStore';
import { ViewPanel } from '../views/ViewPanel';
import { useInspect } from './inspectStore';
import { labelsPresent } from './labelColors';
import { placeDrawn } from './placeDrawn';
import { ProjectedScatter } from './ProjectedScatter';
import { LabelLegend } from './ScatterCanvas';
import { ScatterTools } from './ScatterTools';
import { useBenchStress } from './useBenchStress';
import { useThumbnails } from './useThumbnails';
import { defaultChoice, useProjection, type Rows } from './useProjection';

/** The codes of the validation digits as a scatter; the pixels panel beside it projects the same way. */
export function LatentPanel() {
  const codes = useRun((s) => s.codes);
  const samples = useRun((s) => s.samples);
  const codeSize = codes?.codeSize ?? 2;
  const choice = useInspect((s) => s.choice) ?? defaultChoice(codeSize);
  const usable =
    choice.kind !== 'dims' || Math.max(...choice.dims) < codeSize
      ? choice
      : defaultChoice(codeSize);
  const scaling = useInspect((s) => s.scaling);
  const seed = useInspect((s) => s.seed);
  const rows: Rows | null = useMemo(
    () => (codes ? { values: codes.codes, count: codes.count, dim: codes.codeSize } : null),
    [codes],
  );
  const { plane, progress, error } = useProjection(rows, usable, scaling, seed);
  const { atlas, note } = useThumbnails();
  const drawnCode = useLab((s) => s.drawn);
  const drawn = useMemo(
    () =>
      drawnCode && codes && plane
        ? placeDrawn(drawnCode, codes.codes, codeSize, plane, usable)
        : null,
    [drawnCode, codes, codeSize, plane, usable],
  );
  const stress = useBenchStress(plane, atlas, codes?.labels ?? null);
  const present = useMemo(() => (codes ? labelsPresent(codes.labels, codes.count) : []), [codes]);
  const busy = [progress, note].filter(Boolean).join(' · ');

  return (
    <ViewPanel
      title="Latent space: the codes"
      saveAs="latent-space"
      hint={
        codes
          ? `${codes.count.toLocaleString('en-US')} validation digits placed by their ${codes.codeSize} code values${busy ? ` · ${busy}` : ''}${error ? ` · ${error}` : ''}. Hover a point to see its digit; lasso or box some to see them below; the wheel zooms.`
          : 'After each epoch, the codes of up to 2,000 validation digits appear here, coloured by label.'
      }
      tools={<ScatterTools codeSize={codeSize} />}
      testId="latent-panel"
    >
      <div data-testid="projection-progress" data-busy={progress ? 'true' : 'false'} hidden>
        {progress}
      </div>
      <ProjectedScatter
        plane={stress?.plane ?? plane}
        labels={stress?.labels ?? codes?.labels ?? null}
        samples={samples}
        atlas={stress?.atlas ?? atlas}
        testId="latent-scatter"
        empty={progress ?? 'Appears after the first epoch.'}
        drawn={drawn}
      />
      {present.length > 0 && <LabelLegend labels={present} />}
    </ViewPanel>
  );
}
