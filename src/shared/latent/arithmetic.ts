import { seededRandom } from '../util/random';
import { gaussianSampler } from './gaussian';
import { meanOfRows } from './selection';

/**
 * Latent arithmetic (Radford et al., DCGAN, 2015: "smiling woman − neutral woman + neutral man"):
 * each term is the mean code of a set of images, the terms are added with weights, and every step
 * of the sum is decoded. Averaging several codes per term is what makes it work: one image's code
 * carries its own quirks, the mean keeps what the set shares.
 */

/** Codes laid row after row: `count` rows of `size` values. */
export interface CodeRows {
  values: Float32Array;
  count: number;
  size: number;
}

/** One term of the sum: a vector and the weight it enters with (negative subtracts it). */
export interface WeightedVector {
  weight: number;
  vector: Float32Array;
}

/**
 * The mean of the chosen rows' codes; null when nothing is chosen or an index lies outside the
 * rows (a selection made on another run's samples).
 */
export function meanOfCodes(rows: CodeRows, indices: ArrayLike<number>): Float32Array | null {
  if (indices.length === 0) return null;
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    if (!Number.isInteger(i) || i < 0 || i >= rows.count) return null;
  }
  return meanOfRows(rows.values, rows.size, indices);
}

/** The indices of the rows whose label is `label`, in order. */
export function indicesWithLabel(labels: ArrayLike<number>, label: number, count = labels.length) {
  const out: number[] = [];
  for (let i = 0; i < Math.min(count, labels.length); i++) if (labels[i] === label) out.push(i);
  return Int32Array.from(out);
}

/** Σ weight × vector; null when there are no terms or their sizes differ. */
export function weightedSum(terms: readonly WeightedVector[]): Float32Array | null {
  return partialSums(terms)?.at(-1) ?? null;
}

/**
 * The sum after each term: the first term (times its weight), then after each + or −, the last
 * being the result. These are the steps the panel decodes as one row. Null when there are no
 * terms or their sizes differ.
 */
export function partialSums(terms: readonly WeightedVector[]): Float32Array[] | null {
  if (terms.length === 0) return null;
  const size = terms[0].vector.length;
  if (terms.some((t) => t.vector.length !== size || !Number.isFinite(t.weight))) return null;
  // Float64 while summing: a long sum of small differences loses little, then one rounding.
  const running = new Float64Array(size);
  return terms.map(({ weight, vector }) => {
    for (let j = 0; j < size; j++) running[j] += weight * vector[j];
    return Float32Array.from(running);
  });
}

/**
 * `count` codes drawn around `centre`: centre + spread × N(0, 1) in every value, the same draws
 * for the same seed. The first is the centre itself when `keepCentre`, so the row starts from
 * the result it varies.
 */
export function noiseAround(
  centre: ArrayLike<number>,
  count: number,
  spread: number,
  seed: number,
  keepCentre = false,
): Float32Array<ArrayBuffer> {
  const size = centre.length;
  const out = new Float32Array(count * size);
  const normal = gaussianSampler(seed);
  for (let n = 0; n < count; n++) {
    const plain = keepCentre && n === 0;
    for (let j = 0; j < size; j++) out[n * size + j] = centre[j] + (plain ? 0 : spread * normal());
  }
  return out;
}

/** A Prior node's noise: N(0, spread²) or U(−spread, spread), `size` values per sample. */
export interface PriorNoise {
  distribution: 'normal' | 'uniform';
  size: number;
  spread: number;
}

/**
 * `count` codes drawn from a prior, the same for the same seed: the generated samples a person
 * picks a GAN's terms from (a GAN has no encoder, so a term is the mean of known z's).
 */
export function priorSamples(
  prior: PriorNoise,
  count: number,
  seed: number,
): Float32Array<ArrayBuffer> {
  const out = new Float32Array(count * prior.size);
  if (prior.distribution === 'uniform') {
    const uniform = seededRandom(seed);
    for (let i = 0; i < out.length; i++) out[i] = prior.spread * (2 * uniform() - 1);
  } else {
    const normal = gaussianSampler(seed);
    for (let i = 0; i < out.length; i++) out[i] = prior.spread * normal();
  }
  return out;
}

/** The sum in words: "1s + 7s − 1s", "1s + 0.5 × 7s"; a weight of 1 goes unsaid. */
export function describeSum(terms: readonly { weight: number; name: string }[]): string {
  return terms
    .map(({ weight, name }, n) => {
      const size = Math.abs(weight);
      const scaled = size === 1 ? name : `${trim(size)} × ${name}`;
      if (n === 0) return weight < 0 ? `− ${scaled}` : scaled;
      return `${weight < 0 ? '−' : '+'} ${scaled}`;
    })
    .join(' ');
}

const trim = (v: number) => String(Number(v.toFixed(3)));
