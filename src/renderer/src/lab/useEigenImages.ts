import { useEffect, useState } from 'react';
import { cumulative, eigenImages } from '../../../shared/lab/eigenImages';
import { pca } from '../inspect/pca';
import type { Samples } from '../stores/runState';

export interface EigenResult {
  images: Float32Array;
  k: number;
  explained: number[];
  /** Share explained by the first 1, 2, … components together. */
  together: number[];
  used: number;
}

/** Components shown: two rows of eight, as many as the features shown beside them. */
export const EIGEN_COUNT = 16;
/**
 * Samples the PCA reads: 1,000 digits give the same leading components as 2,000 to the eye, in
 * half the time (16 components cost about 25 million multiply-adds per iteration on 1,000).
 */
const MAX_SAMPLES = 1000;

/** The principal components of the samples' pixels, computed after the view has drawn. */
export function useEigenImages(samples: Samples | null): EigenResult | null {
  const [result, setResult] = useState<EigenResult | null>(null);
  useEffect(() => {
    setResult(null);
    if (!samples || samples.count < 2) return;
    const timer = setTimeout(() => {
      const dim = samples.images.length / samples.count;
      const used = Math.min(MAX_SAMPLES, samples.count);
      const k = Math.min(EIGEN_COUNT, dim, used);
      const found = pca(samples.images, used, dim, { k, iterations: 40 });
      setResult({
        images: eigenImages(found.components, k, dim),
        k,
        explained: found.explained,
        together: cumulative(found.explained),
        used,
      });
    }, 80);
    return () => clearTimeout(timer);
  }, [samples]);
  return result;
}
