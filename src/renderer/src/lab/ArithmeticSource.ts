import { useEffect, useMemo, useState } from 'react';
import { priorSamples, type CodeRows, type PriorNoise } from '../../../shared/latent/arithmetic';
import type { GraphDocument } from '../../../shared/graph/document';
import { decodeCodes } from '../actions/model';
import { imageGeometry, type ImageGeometry } from '../recon/imageGrid';
import { useRun } from '../stores/runStore';
import { useArithmetic } from './ArithmeticStore';

/** How many generated samples a GAN's terms are picked from. */
export const GENERATED_COUNT = 40;

/** The images a person picks terms from, their codes, and what draws them. */
export interface ArithmeticSource {
  kind: 'samples' | 'generated';
  rows: CodeRows;
  images: Float32Array;
  labels: Int32Array | null;
  geometry: ImageGeometry;
}

/** A GAN's Prior (a design with a Prior and no Output has no encoder to find codes with). */
export function ganPrior(design: GraphDocument | null | undefined): PriorNoise | null {
  if (!design || design.nodes.some((n) => n.kind === 'Output')) return null;
  const prior = design.nodes.find((n) => n.kind === 'Prior');
  if (!prior) return null;
  const { distribution, size, spread } = prior.params;
  return {
    distribution: distribution === 'uniform' ? 'uniform' : 'normal',
    size: typeof size === 'number' ? size : 100,
    spread: typeof spread === 'number' ? spread : 1,
  };
}

/**
 * The view samples and their codes (an encoder's models), or for a GAN a seeded grid of z's and
 * what the generator makes of them; null with a reason while there is nothing to pick from.
 */
export function useArithmeticSource(runId: string): {
  source: ArithmeticSource | null;
  problem: string | null;
} {
  const codes = useRun((s) => s.codes);
  const samples = useRun((s) => s.samples);
  const design = useRun((s) => s.design);
  const epochsSeen = useRun((s) => s.epochs.length);
  const seed = useArithmetic((s) => s.seed);
  const prior = useMemo(() => ganPrior(design), [design]);
  const [generated, setGenerated] = useState<ArithmeticSource | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!prior) return;
    const z = priorSamples(prior, GENERATED_COUNT, seed);
    let live = true;
    void decodeCodes({ runId, points: z, count: GENERATED_COUNT }).then((decoded) => {
      if (!live) return;
      if (!decoded.ok) return setProblem(decoded.error.message);
      const geometry = imageGeometry(decoded.value.shape);
      if (!geometry) return setProblem('The generator makes something other than images.');
      setProblem(null);
      setGenerated({
        kind: 'generated',
        rows: { values: z, count: GENERATED_COUNT, size: prior.size },
        images: decoded.value.images,
        labels: null,
        geometry,
      });
    });
    return () => {
      live = false;
    };
  }, [prior, runId, seed, epochsSeen]);

  const fromSamples = useMemo((): ArithmeticSource | null => {
    if (prior || !codes || !samples) return null;
    const geometry = imageGeometry(samples.sampleShape);
    if (!geometry) return null;
    const count = Math.min(codes.count, samples.count);
    return {
      kind: 'samples',
      rows: { values: codes.codes, count, size: codes.codeSize },
      images: samples.images,
      labels: codes.labels,
      geometry,
    };
  }, [prior, codes, samples]);

  if (prior) return { source: generated, problem };
  if (fromSamples) return { source: fromSamples, problem: null };
  return {
    source: null,
    problem: 'Train the model for an epoch: its codes are what the terms average.',
  };
}
