import { smallest } from './neighbours';

/**
 * Semantic hashing (Salakhutdinov and Hinton; the Nebraska lecture): each code value becomes one
 * bit, and similar images are those whose bit strings differ in few places (Hamming distance).
 */

/** How the code values were cut into bits. */
export type ThresholdRule =
  /** A sigmoid code layer: values live in 0..1 and are meant to saturate, so 0.5 is the cut. */
  | 'half'
  /** Any other code: each unit is cut at its own median, so each bit is on for half the images. */
  | 'median';

export interface BinaryCodes {
  /** count x words 32-bit words, bit b of a code in word b >> 5. */
  words: Uint32Array;
  count: number;
  bits: number;
  wordsPer: number;
  /** The cut applied to each code value. */
  thresholds: Float32Array;
  rule: ThresholdRule;
}

/** The median of each of `size` columns of `count` rows. */
export function columnMedians(codes: ArrayLike<number>, count: number, size: number): Float32Array {
  const out = new Float32Array(size);
  const column = new Float64Array(count);
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < count; i++) column[i] = codes[i * size + j];
    column.sort();
    out[j] = count === 0 ? 0 : (column[(count - 1) >> 1] + column[count >> 1]) / 2;
  }
  return out;
}

/** Bits of one code against the thresholds: a value above its cut is a 1. */
export function packBits(
  code: ArrayLike<number>,
  thresholds: ArrayLike<number>,
  out = new Uint32Array(Math.ceil(thresholds.length / 32)),
  offset = 0,
): Uint32Array {
  for (let b = 0; b < thresholds.length; b++)
    if (code[b] > thresholds[b]) out[offset + (b >> 5)] |= 1 << (b & 31);
  return out;
}

/** Turns count codes of `size` values into bit strings by the rule. */
export function binarize(
  codes: Float32Array,
  count: number,
  size: number,
  rule: ThresholdRule,
): BinaryCodes {
  const thresholds =
    rule === 'half' ? new Float32Array(size).fill(0.5) : columnMedians(codes, count, size);
  const wordsPer = Math.ceil(size / 32);
  const words = new Uint32Array(count * wordsPer);
  for (let i = 0; i < count; i++)
    packBits(codes.subarray(i * size, (i + 1) * size), thresholds, words, i * wordsPer);
  return { words, count, bits: size, wordsPer, thresholds, rule };
}

/** Set bits of a 32-bit word (SWAR popcount). */
export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** The Hamming distance from the bit string `query` to every code. */
export function hammingDistances(codes: BinaryCodes, query: Uint32Array): Uint16Array {
  const { words, count, wordsPer } = codes;
  const out = new Uint16Array(count);
  for (let i = 0; i < count; i++) {
    let d = 0;
    for (let w = 0; w < wordsPer; w++) d += popcount((words[i * wordsPer + w] ^ query[w]) >>> 0);
    out[i] = d;
  }
  return out;
}

/** Code `index`'s bit string. */
export const bitsOf = (codes: BinaryCodes, index: number): Uint32Array =>
  codes.words.subarray(index * codes.wordsPer, (index + 1) * codes.wordsPer);

/** The k codes nearest `query` by Hamming distance, nearest first (ties: lower index first). */
export function nearestByHamming(
  codes: BinaryCodes,
  query: Uint32Array,
  k: number,
  skip = -1,
): number[] {
  return smallest(hammingDistances(codes, query), k, skip);
}
