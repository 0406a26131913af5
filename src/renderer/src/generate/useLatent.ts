import { useMemo } from 'react';
import { decodeCodes, decodePictures } from '../actions/model';
import { useRun } from '../stores/runStore';
import { useGenerate } from './generateStore';
import { codeMeans, codeRange, type Range } from './latentPoints';

/** What the Generate view decodes from: the run, its codes, the varied values and the held ones. */
export interface LatentSetup {
  runId: string;
  codeSize: number;
  dims: [number, number];
  /** The full code the grid and the plane start from (the held values). */
  base: Float32Array;
  means: Float32Array;
  xRange: Range;
  yRange: Range;
  variational: boolean;
  epoch: number;
}

/** The current run's latent setup, or null before the first epoch's codes. */
export function useLatent(): LatentSetup | null {
  const runId = useRun((s) => s.runId);
  const codes = useRun((s) => s.codes);
  const dimsAsked = useGenerate((s) => s.dims);
  const held = useGenerate((s) => s.held);
  return useMemo(() => {
    if (!runId || !codes) return null;
    const size = codes.codeSize;
    const dims: [number, number] = [
      Math.min(dimsAsked[0], size - 1),
      Math.min(size > 1 ? dimsAsked[1] : 0, size - 1),
    ];
    const means = codeMeans(codes.codes, codes.count, size);
    const base = held && held.length === size ? held : means;
    return {
      runId,
      codeSize: size,
      dims,
      base,
      means,
      xRange: codeRange(codes.codes, codes.count, size, dims[0]),
      yRange: codeRange(codes.codes, codes.count, size, dims[1]),
      variational: codes.logVar !== null,
      epoch: codes.epoch,
    };
  }, [runId, codes, dimsAsked, held]);
}

/** Asks the host to decode count codes with the run's decoder. */
export async function decode(runId: string, points: Float32Array, count: number) {
  return decodeCodes({ runId, points: points as Float32Array<ArrayBuffer>, count });
}

/** The same, as pictures of bytes: for a view that only draws them. */
export async function decodeToPictures(runId: string, points: Float32Array, count: number) {
  return decodePictures({ runId, points: points as Float32Array<ArrayBuffer>, count });
}
