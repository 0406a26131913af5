import { describe, expect, it } from 'vitest';
import { encodeFrame } from '../../../shared/contract/codec';
import { ENCODE_BATCH_BYTES, MAX_REQUEST_FRAME_BYTES } from '../../../shared/contract/limits';
import { encodeInBatches } from './encodeInBatches';

/** A client whose encoder's code of a sample is its first value; it records each request's size. */
function recordingClient() {
  const frames: number[] = [];
  const invoke = async (command: string, request: { images: Float32Array; count: number }) => {
    frames.push(encodeFrame({ type: 'request', id: 1, command, payload: request }).byteLength);
    const size = request.images.length / request.count;
    const codes = Float32Array.from({ length: request.count }, (_, i) => request.images[i * size]);
    return { ok: true as const, value: { codes, codeSize: 1, count: request.count } };
  };
  return { frames, client: { invoke } as never };
}

describe('encodeInBatches', () => {
  it('sends small sample sets in one request', async () => {
    const { frames, client } = recordingClient();
    const images = Float32Array.from({ length: 16 * 784 }, (_, i) => Math.floor(i / 784));
    const result = await encodeInBatches(client, 'r', images, 16);
    expect(frames).toHaveLength(1);
    expect(result.ok && Array.from(result.value.codes)).toEqual([...Array(16).keys()]);
  });

  it('splits 16 large pictures into requests under the batch budget, codes in order', async () => {
    const { frames, client } = recordingClient();
    const size = 512 * 512 * 3; // 3 MiB of values per picture: 48 MiB in all
    const images = new Float32Array(16 * size);
    for (let i = 0; i < 16; i++) images[i * size] = i;
    const result = await encodeInBatches(client, 'r', images, 16);
    expect(frames.length).toBeGreaterThan(1);
    for (const bytes of frames) expect(bytes).toBeLessThan(ENCODE_BATCH_BYTES + 1024);
    expect(Math.max(...frames)).toBeLessThan(MAX_REQUEST_FRAME_BYTES);
    expect(result.ok && Array.from(result.value.codes)).toEqual([...Array(16).keys()]);
  });
});
