import type { Result } from '../../../../shared/contract/result';
import { dataProblems } from './messages';

/** 2 GiB: beyond this a Float32Array of the data would strain a desktop machine. */
export const DEFAULT_MAX_BYTES = 2 * 1024 ** 3;

/**
 * The product of declared dimensions. Headers come from files and may lie, so a product past
 * what a double holds exactly becomes Infinity and fails every later size check.
 */
export function elementCount(dims: readonly number[]): number {
  let n = 1;
  for (const d of dims) {
    n *= d;
    if (!Number.isSafeInteger(n)) return Infinity;
  }
  return n;
}

/** Checks, before allocating, that `elements` float32 values fit the memory limit. */
export function checkFloatOutput(file: string, elements: number, maxBytes: number): Result<null> {
  const bytes = elements * Float32Array.BYTES_PER_ELEMENT;
  if (!(bytes <= maxBytes)) return dataProblems.tooMuchData(file, bytes, maxBytes);
  return { ok: true, value: null };
}

/** Checks that a header's declared size matches the bytes that really follow it. */
export function checkDeclaredBytes(
  file: string,
  dims: readonly number[],
  bytesPerElement: number,
  available: number,
): Result<null> {
  const expected = elementCount(dims) * bytesPerElement;
  if (expected !== available) return dataProblems.sizeMismatch(file, dims, expected, available);
  return { ok: true, value: null };
}

/** Maps the per-sample dims of an array file to the studio's sample shape: [D] or [H, W, C]. */
export function sampleShapeOf(file: string, dims: readonly number[]): Result<number[]> {
  const rest = dims.slice(1);
  if (dims.length === 1) return dataProblems.imagesLookLikeLabels(file);
  if (rest.length === 1) return { ok: true, value: [rest[0]] };
  if (rest.length === 2) return { ok: true, value: [rest[0], rest[1], 1] };
  if (rest.length === 3) return { ok: true, value: [rest[0], rest[1], rest[2]] };
  return dataProblems.tooManyDims(file, dims);
}
