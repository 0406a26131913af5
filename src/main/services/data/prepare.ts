import type { DataSpec } from '../../../shared/contract/training';
import { seededRandom, shuffleInPlace } from '../../../shared/util/random';
import { sizeOf, takeRows, type PreparedData, type SampleSet } from './dataset';
import { importDataset } from './importers';
import { loadMnist, MNIST_SHAPE } from './mnist';

/** A data set could not be read; the message is for the person. */
export class DataError extends Error {}

/**
 * Filters by label, shuffles with the spec's seed, limits and splits into train and validation.
 * The same spec always gives the same split.
 */
export function splitSamples(
  all: SampleSet,
  sampleShape: number[],
  spec: DataSpec,
  name: string,
  notes: string[] = [],
): PreparedData {
  const sampleSize = sizeOf(sampleShape);
  const keep = spec.labels ? new Set(spec.labels) : null;
  const rows: number[] = [];
  for (let i = 0; i < all.count; i++) if (!keep || keep.has(all.labels[i])) rows.push(i);
  if (rows.length < 2) {
    throw new DataError(
      keep
        ? `No samples have the labels ${[...keep].join(', ')}; choose labels that the data set has.`
        : 'The data set has fewer than two samples; it needs more to train and validate.',
    );
  }
  shuffleInPlace(rows, seededRandom(spec.seed));
  const chosen = spec.limit ? rows.slice(0, spec.limit) : rows;
  const validationCount = Math.min(
    chosen.length - 1,
    Math.max(1, Math.round(chosen.length * spec.validationShare)),
  );
  const validation = takeRows(all, chosen.slice(0, validationCount), sampleSize);
  const train = takeRows(all, chosen.slice(validationCount), sampleSize);
  const labels = [...new Set(chosen.map((r) => all.labels[r]))].sort((a, b) => a - b);
  return { name, sampleShape, sampleSize, train, validation, labels, notes };
}

/** Loads and prepares the data a spec names; a file that cannot be read throws a DataError. */
export async function prepareData(spec: DataSpec): Promise<PreparedData> {
  if (spec.source === 'mnist')
    return splitSamples(await loadMnist(), MNIST_SHAPE, spec, 'MNIST digits (embedded)');
  if (!spec.file) throw new DataError('Choose a data file to import first.');
  const imported = await importDataset(spec.file, { scaling: spec.scaling });
  if (!imported.ok) throw new DataError(imported.error.message);
  const ds = imported.value;
  // Unlabelled data trains an autoencoder all the same: every sample gets label 0.
  const set: SampleSet = {
    images: ds.images,
    labels: ds.labels ?? new Int32Array(ds.count),
    count: ds.count,
  };
  return splitSamples(set, ds.sampleShape, spec, ds.name, ds.notes ?? []);
}
