import { useMemo } from 'react';
import { useRun } from '../stores/runStore';
import { ViewPanel } from '../views/ViewPanel';
import { useInspect } from './inspectStore';
import { labelsPresent } from './labelColors';
import { ProjectedScatter } from './ProjectedScatter';
import { LabelLegend } from './ScatterCanvas';
import { useThumbnails } from './useThumbnails';
import { defaultChoice, useProjection, type PlaneChoice, type Rows } from './useProjection';

const NAMES: Record<PlaneChoice['kind'], string> = {
  pca: 'PCA',
  umap: 'UMAP',
  tsne: 't-SNE',
  dims: 'PCA',
};

/**
 * The same digits projected from their raw pixels, by the same method as the codes beside it
 * (the slides' "PCA vs autoencoder"): what the method finds without any training.
 */
export function RawPcaPanel() {
  const samples = useRun((s) => s.samples);
  const codeSize = useRun((s) => s.codes?.codeSize ?? 2);
  const asked = useInspect((s) => s.choice) ?? defaultChoice(codeSize);
  // Two picked code values mean nothing for pixels: PCA is the honest counterpart.
  const choice: PlaneChoice = asked.kind === 'dims' ? { kind: 'pca' } : asked;
  const scaling = useInspect((s) => s.scaling);
  const seed = useInspect((s) => s.seed);
  const rows: Rows | null = useMemo(
    () =>
      samples
        ? {
            values: samples.images,
            count: samples.count,
            dim: samples.sampleShape.reduce((a, b) => a * b, 1),
          }
        : null,
    [samples],
  );
  const { plane, progress, error } = useProjection(rows, choice, scaling, seed);
  const { atlas } = useThumbnails();
  const present = useMemo(
    () => (samples ? labelsPresent(samples.labels, samples.count) : []),
    [samples],
  );
  return (
    <ViewPanel
      title={`Latent space: the pixels (${NAMES[choice.kind]})`}
      saveAs="projection-pixels"
      hint={`The same digits, ${NAMES[choice.kind]} of their raw pixels without any training: compare how well the codes separate the labels.${progress ? ` · ${progress}` : ''}${error ? ` · ${error}` : ''}`}
      testId="pixels-panel"
    >
      <ProjectedScatter
        plane={plane}
        labels={samples?.labels ?? null}
        samples={samples}
        atlas={atlas}
        testId="pca-scatter"
        empty={samples ? (progress ?? 'Computing…') : 'Appears when a run starts.'}
      />
      {present.length > 0 && <LabelLegend labels={present} />}
    </ViewPanel>
  );
}
