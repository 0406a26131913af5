import { useEffect, useMemo, useState } from 'react';
import type { Codes } from '../stores/runState';
import { pcaPlane, pickDims, umapPlane, type Plane, type ProjectionMethod } from './projection';

/** How the plane is made: two code values as they are, or a projection of all of them. */
export type PlaneChoice = { kind: 'dims'; dims: [number, number] } | { kind: ProjectionMethod };

/** The default: the code itself when it has two values or fewer, else PCA. */
export const defaultChoice = (codeSize: number): PlaneChoice =>
  codeSize <= 2 ? { kind: 'dims', dims: [0, Math.min(1, codeSize - 1)] } : { kind: 'pca' };

/**
 * The codes on a plane, recomputed after every epoch. UMAP takes a second or two and runs in
 * slices; while it runs the previous plane stays, and newer codes cancel it.
 */
export function useProjection(codes: Codes | null, choice: PlaneChoice) {
  const sync = useMemo(() => {
    if (!codes) return null;
    if (choice.kind === 'dims')
      return pickDims(codes.codes, codes.count, codes.codeSize, choice.dims);
    if (choice.kind === 'pca') return pcaPlane(codes.codes, codes.count, codes.codeSize);
    return null;
  }, [codes, choice]);
  const [slow, setSlow] = useState<{ plane: Plane; codes: Codes } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!codes || choice.kind !== 'umap') return;
    let cancelled = false;
    setBusy(true);
    void umapPlane(codes.codes, codes.count, codes.codeSize, () => cancelled).then((plane) => {
      if (!cancelled && plane) {
        setSlow({ plane, codes });
        setBusy(false);
      }
    });
    return () => {
      cancelled = true;
    };
  }, [codes, choice]);
  if (choice.kind === 'umap') return { plane: slow?.plane ?? null, busy };
  return { plane: sync, busy: false };
}
