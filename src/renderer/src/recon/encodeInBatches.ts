import type { StudioClient } from '../../../shared/contract/client';
import type { CommandReply } from '../../../shared/contract/commands';
import { ENCODE_BATCH_BYTES } from '../../../shared/contract/limits';
import type { Result } from '../../../shared/contract/result';

export type EncodedCodes = CommandReply<'model.encode'>;

/**
 * 'model.encode' for `count` samples laid one after another, sent in batches of at most
 * ENCODE_BATCH_BYTES of samples, so large pictures never make one request too large for browser
 * mode's frame limit (src/shared/contract/limits.ts). The codes come back in the samples' order.
 */
export async function encodeInBatches(
  client: Pick<StudioClient, 'invoke'>,
  runId: string,
  images: Float32Array<ArrayBuffer>,
  count: number,
): Promise<Result<EncodedCodes>> {
  const size = images.length / count;
  const perBatch = Math.max(1, Math.floor(ENCODE_BATCH_BYTES / (size * 4)));
  if (perBatch >= count) return client.invoke('model.encode', { runId, images, count });
  const parts: Float32Array[] = [];
  let codeSize = 0;
  for (let start = 0; start < count; start += perBatch) {
    const n = Math.min(perBatch, count - start);
    const batch = images.subarray(start * size, (start + n) * size);
    const result = await client.invoke('model.encode', { runId, images: batch, count: n });
    if (!result.ok) return result;
    parts.push(result.value.codes);
    codeSize = result.value.codeSize;
  }
  const codes = new Float32Array(count * codeSize);
  parts.reduce((at, part) => (codes.set(part, at), at + part.length), 0);
  return { ok: true, value: { codes, codeSize, count } };
}
