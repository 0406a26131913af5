import { describe, expect, it } from 'vitest';
import { ENCODE_BATCH_BYTES } from '../../../shared/contract/limits';
import { samplesToSend } from './samplesToSend';

const samples = (count: number, size: number) => ({
  images: new Float32Array(count * size).map((_, i) => i),
  sampleShape: [size],
  count,
  labels: new Int32Array(count),
});

describe('the samples a unit query sends', () => {
  it('sends the first thousand digits at most', () => {
    const sent = samplesToSend(samples(2000, 784));
    expect(sent.count).toBe(1000);
    expect(sent.images.length).toBe(1000 * 784);
    expect(sent.images[0]).toBe(0);
  });

  it('sends fewer large pictures, so one request stays under the frame limit', () => {
    const size = 256 * 256 * 3;
    const sent = samplesToSend(samples(50, size));
    expect(sent.count * size * 4).toBeLessThanOrEqual(ENCODE_BATCH_BYTES);
    expect(sent.count).toBeGreaterThan(0);
  });
});
