import type { DataSpec } from '../../../shared/contract/training';
import { seededRandom, shuffleInPlace } from '../../../shared/util/random';
import { takeRows, type PreparedData, type SampleSet } from './dataset';
import { loadMnist, MNIST_SHAPE } from './mnist';

/**
 * Filters by label, shuffles with the spec's seed, limits and splits into train and validation.
 * The same spec always gives the same split.
 */
export function splitSamples(
  all: SampleSet,
  sampleShape: number[],
  spec: DataSpec,
  name: string,
): PreparedData {
  const sampleSize = sampleShape.reduce((a, b) => a * b, 1);
  const keep = spec.labels ? new Set(spec.labels) : null;
  const rows: number[] = [];
  for (let i = 0; i < all.count; i++) if (!keep || keep.has(all.labels[i])) rows.push(i);
  shuffleInPlace(rows, seededRandom(spec.seed));
  const chosen = spec.limit ? rows.slice(0, spec.limit) : rows;
  const validationCount = Math.max(1, Math.round(chosen.length * spec.validationShare));
  const validation = takeRows(all, chosen.slice(0, validationCount), sampleSize);
  const train = takeRows(all, chosen.slice(validationCount), sampleSize);
  const labels = [...new Set(chosen.map((r) => all.labels[r]))].sort((a, b) => a - b);
  return { name, sampleShape, sampleSize, train, validation, labels };
}

/** Loads and prepares the data a spec names. */
export async function prepareData(spec: DataSpec): Promise<PreparedData> {
  switch (spec.source) {
    case 'mnist':
      return splitSamples(await loadMnist(), MNIST_SHAPE, spec, 'MNIST digits (embedded)');
  }
}
