/** Mean Euclidean distance between every pair of `count` samples of `size` values each. */
export function meanPairwiseDistance(samples: Float32Array, count: number, size: number): number {
  if (count < 2) return 0;
  let sum = 0;
  for (let i = 0; i < count; i++) {
    for (let j = i + 1; j < count; j++) {
      let d = 0;
      for (let k = 0, a = i * size, b = j * size; k < size; k++) {
        const diff = samples[a + k] - samples[b + k];
        d += diff * diff;
      }
      sum += Math.sqrt(d);
    }
  }
  return sum / ((count * (count - 1)) / 2);
}

/** True when two of the samples are the same value for value. */
export function hasIdenticalPair(samples: Float32Array, count: number, size: number): boolean {
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    const key = Array.from(samples.subarray(i * size, (i + 1) * size)).join(',');
    if (seen.has(key)) return true;
    seen.add(key);
  }
  return false;
}

/**
 * Under this share of epoch 1's spread the fixed-noise samples count as collapsed. A generator
 * collapsed onto one digit keeps its samples within a few pixels of each other (mean distance
 * near 0, measured 0 for a constant generator), while a healthy one on the digits keeps them
 * about as far apart as at epoch 1 or farther (its epoch-to-epoch ratios stay near 1); a quarter
 * is far below the healthy and far above the collapsed.
 */
export const COLLAPSE_SHARE = 0.25;
/**
 * The same test against the real samples' own spread, for a generator that was already collapsed
 * at epoch 1 (its epoch-1 reference is itself near 0): distinct digits lie about 10 apart in
 * 784 pixels; a tenth of that is the same stroke shifted by a pixel or two. An untrained
 * generator's first samples are alike too (grey blurs), so this test waits until
 * FIRST_REAL_TEST_EPOCH and only counts while the spread has not grown since epoch 1.
 */
export const COLLAPSE_SHARE_OF_REAL = 0.1;
export const FIRST_REAL_TEST_EPOCH = 3;

/** What one epoch's spread says: its share of epoch 1's, and whether to warn now. */
export interface DiversityReading {
  diversity: number | null;
  collapsed: boolean;
  /** The spread as a share of the real samples' own, when the warning comes from that test. */
  shareOfReal: number | null;
}

/** Follows the spread of the fixed-noise samples from epoch to epoch and says when it collapses. */
export class DiversityWatch {
  private warned = false;
  private seen = 0;

  constructor(
    /** Epoch 1's mean pairwise distance (restored from a checkpoint), or null until measured. */
    public reference: number | null,
    /** The real samples' mean pairwise distance, or null when unknown. */
    private readonly real: number | null,
    /** The epoch the next observation belongs to (a continued run starts after its checkpoint). */
    firstEpoch = 1,
  ) {
    this.seen = firstEpoch - 1;
  }

  /** The epoch's diversity (its spread over epoch 1's) and whether to warn now (once per run). */
  observe(distance: number): DiversityReading {
    this.seen++;
    this.reference ??= distance;
    const diversity = this.reference > 0 ? distance / this.reference : null;
    const againstFirst = diversity !== null && diversity < COLLAPSE_SHARE;
    const againstReal =
      this.real !== null &&
      this.real > 0 &&
      this.seen >= FIRST_REAL_TEST_EPOCH &&
      (diversity === null || diversity <= 1) &&
      distance < COLLAPSE_SHARE_OF_REAL * this.real;
    const warn = (againstFirst || againstReal) && !this.warned;
    if (warn) this.warned = true;
    return {
      diversity,
      collapsed: warn,
      shareOfReal: warn && !againstFirst && this.real ? distance / this.real : null,
    };
  }
}
