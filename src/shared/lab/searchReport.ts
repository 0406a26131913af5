import {
  binarize,
  bitsOf,
  nearestByHamming,
  type BinaryCodes,
  type ThresholdRule,
} from './hashing';
import { nearestRows, rowOf, type Rows } from './neighbours';
import { chancePrecision, precisionAtK, spreadQueries } from './precision';

/** Precision at k of each way of searching the same images, on the same queries. */
export interface SearchReport {
  k: number;
  queries: number;
  /** Bits of the codes, by Hamming distance. */
  hamming: number;
  /** The codes themselves, by Euclidean distance. */
  codes: number;
  /** The raw pixels, by Euclidean distance. */
  pixels: number;
  /** Images picked at random. */
  chance: number;
  rule: ThresholdRule;
}

export interface SearchInput {
  codes: Rows;
  pixels: Rows;
  labels: ArrayLike<number>;
  rule: ThresholdRule;
  k?: number;
  /** How many queries to score: the pixel search costs count x pixels per query. */
  queries?: number;
  /** The binary codes, when already made. */
  binary?: BinaryCodes;
}

/**
 * Scores semantic hashing against the codes and the pixels: for each query, the k nearest other
 * images by each measure, and the share of them with the query's label.
 */
export function searchReport(input: SearchInput): SearchReport {
  const k = input.k ?? 10;
  const { codes, pixels, labels } = input;
  const count = Math.min(codes.count, pixels.count);
  const queries = spreadQueries(count, input.queries ?? 200);
  const binary = input.binary ?? binarize(codes.values, codes.count, codes.dim, input.rule);
  const within = (rows: Rows): Rows => ({ ...rows, count });
  const score = (find: (q: number) => number[]) => precisionAtK(labels, queries, k, find);
  return {
    k,
    queries: queries.length,
    hamming: score((q) => nearestByHamming({ ...binary, count }, bitsOf(binary, q), k, q)),
    codes: score((q) => nearestRows(within(codes), rowOf(codes, q), k, q)),
    pixels: score((q) => nearestRows(within(pixels), rowOf(pixels, q), k, q)),
    chance: chancePrecision(labels, count, queries),
    rule: input.rule,
  };
}
