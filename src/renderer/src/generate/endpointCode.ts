import { meanOfRows } from '../../../shared/latent/selection';
import type { Endpoint } from './generateStore';

/**
 * An endpoint's code against the current codes: the mean code of its samples, or its own code;
 * null when it no longer fits (a code of another size, samples past the current ones).
 */
export function endpointCode(
  endpoint: Endpoint,
  codes: { codes: Float32Array; count: number; codeSize: number },
): Float32Array | null {
  if (endpoint.code) return endpoint.code.length === codes.codeSize ? endpoint.code : null;
  const indices = endpoint.indices;
  if (!indices || indices.length === 0) return null;
  for (const i of indices) if (i < 0 || i >= codes.count) return null;
  return meanOfRows(codes.codes, codes.codeSize, indices);
}
