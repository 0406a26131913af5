import { useEffect, useMemo, useState } from 'react';
import { scaleRows, type Scaling } from '../../../shared/latent/scaling';
import { pcaPlane, pickDims, umapPlane, type Plane, type ProjectionMethod } from './projection';
import { runTsne } from './tsneClient';

/** How the plane is made: two code values as they are, or a projection of all of them. */
export type PlaneChoice = { kind: 'dims'; dims: [number, number] } | { kind: ProjectionMethod };

/** The default: the code itself when it has two values or fewer, else PCA. */
export const defaultChoice = (codeSize: number): PlaneChoice =>
  codeSize <= 2 ? { kind: 'dims', dims: [0, Math.min(1, codeSize - 1)] } : { kind: 'pca' };

/** Rows to project: codes or pixels, count rows of dim values. */
export interface Rows {
  values: Float32Array;
  count: number;
  dim: number;
}

export interface Projection {
  plane: Plane | null;
  busy: boolean;
  /** Where a slow projection stands, in words ("t-SNE step 120 of 600"), or null. */
  progress: string | null;
  error: string | null;
}

const T_SNE_PERPLEXITY = 30;

/**
 * The rows on a plane, recomputed when they change (every epoch). PCA and picked values are
 * immediate; UMAP runs in slices on this thread; t-SNE runs in a worker and shows its layout
 * as it unfolds. While a slow one runs the previous plane stays, and newer rows cancel it.
 */
export function useProjection(
  rows: Rows | null,
  choice: PlaneChoice,
  scaling: Scaling,
  seed: number,
): Projection {
  const scaled = useMemo(
    () =>
      rows && choice.kind !== 'dims'
        ? { ...rows, values: scaleRows(rows.values, rows.count, rows.dim, scaling) }
        : rows,
    [rows, choice.kind, scaling],
  );
  const sync = useMemo(() => {
    if (!scaled) return null;
    if (choice.kind === 'dims')
      return pickDims(scaled.values, scaled.count, scaled.dim, choice.dims);
    if (choice.kind === 'pca') return pcaPlane(scaled.values, scaled.count, scaled.dim);
    return null;
  }, [scaled, choice]);
  const [slow, setSlow] = useState<{ plane: Plane; of: unknown } | null>(null);
  const [progress, setProgress] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const slowKind = choice.kind === 'umap' || choice.kind === 'tsne' ? choice.kind : null;

  useEffect(() => {
    if (!scaled || !slowKind) return;
    let cancelled = false;
    setBusy(true);
    setError(null);
    const finish = (plane: Plane | null, message: string | null = null) => {
      if (cancelled) return;
      if (plane) setSlow({ plane, of: scaled });
      setBusy(false);
      setProgress(null);
      setError(message);
    };
    if (slowKind === 'umap') {
      setProgress('computing UMAP…');
      void umapPlane(scaled.values, scaled.count, scaled.dim, () => cancelled).then((p) =>
        finish(p),
      );
      return () => {
        cancelled = true;
      };
    }
    const axes: [string, string] = ['t-SNE 1', 't-SNE 2'];
    const job = runTsne(
      {
        data: scaled.values as Float32Array<ArrayBuffer>,
        count: scaled.count,
        dim: scaled.dim,
        seed,
        perplexity: Math.min(T_SNE_PERPLEXITY, Math.max(2, (scaled.count - 1) / 3)),
      },
      (p) => {
        if (cancelled) return;
        setProgress(
          p.stage === 'neighbours'
            ? 't-SNE: finding neighbours…'
            : `t-SNE step ${p.done} of ${p.total}…`,
        );
        if (p.xy) setSlow({ plane: { xy: p.xy, count: scaled.count, axes }, of: scaled });
      },
    );
    void job.done.then(({ xy, error: message }) =>
      finish(xy ? { xy, count: scaled.count, axes } : null, message),
    );
    return () => {
      cancelled = true;
      job.cancel();
    };
  }, [scaled, slowKind, seed]);

  if (slowKind) {
    // A plane of other rows (an earlier epoch) is better than none while the new one is made.
    const plane = slow && slow.plane.count === scaled?.count ? slow.plane : null;
    return { plane, busy, progress, error };
  }
  return { plane: sync, busy: false, progress: null, error: null };
}
