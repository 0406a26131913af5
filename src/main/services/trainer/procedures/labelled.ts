import { seededRandom, shuffleInPlace } from '../../../../shared/util/random';
import { takeRows, type PreparedData } from '../../data/dataset';
import { identityOrder } from '../batches';

/**
 * A seeded subset of the training split: the few samples whose labels the classifier may use.
 * The validation split stays whole, so both classifiers are judged on the same samples.
 */
export function labelledSubset(data: PreparedData, count: number, seed: number): PreparedData {
  const rows = identityOrder(data.train.count);
  shuffleInPlace(rows, seededRandom(seed));
  const chosen = rows.subarray(0, Math.min(count, rows.length));
  return {
    ...data,
    name: `${data.name} (${chosen.length} labelled)`,
    train: takeRows(data.train, chosen, data.sampleSize),
  };
}
