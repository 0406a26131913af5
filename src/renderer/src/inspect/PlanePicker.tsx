import type { PlaneChoice } from './useProjection';

interface Props {
  codeSize: number;
  choice: PlaneChoice;
  onChange(choice: PlaneChoice): void;
}

/** Which plane to look at: PCA, UMAP, t-SNE, or two code values chosen by number. */
export function PlanePicker({ codeSize, choice, onChange }: Props) {
  if (codeSize <= 2) return null;
  const dims = choice.kind === 'dims' ? choice.dims : ([0, 1] as [number, number]);
  const dimOptions = Array.from({ length: codeSize }, (_, i) => (
    <option key={i} value={i}>
      code {i + 1}
    </option>
  ));
  return (
    <div className="plane-picker">
      <select
        data-testid="projection"
        value={choice.kind}
        title="How the codes of more than two values are drawn on a plane"
        onChange={(e) => {
          const kind = e.target.value as PlaneChoice['kind'];
          onChange(kind === 'dims' ? { kind, dims } : { kind });
        }}
      >
        <option value="pca">PCA of the codes</option>
        <option value="umap">UMAP of the codes</option>
        <option value="tsne">t-SNE of the codes</option>
        <option value="dims">Two code values</option>
      </select>
      {choice.kind === 'dims' && (
        <>
          <select
            value={dims[0]}
            aria-label="Horizontal code value"
            onChange={(e) => onChange({ kind: 'dims', dims: [Number(e.target.value), dims[1]] })}
          >
            {dimOptions}
          </select>
          <select
            value={dims[1]}
            aria-label="Vertical code value"
            onChange={(e) => onChange({ kind: 'dims', dims: [dims[0], Number(e.target.value)] })}
          >
            {dimOptions}
          </select>
        </>
      )}
    </div>
  );
}
