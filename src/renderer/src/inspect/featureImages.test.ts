import { describe, expect, it } from 'vitest';
import { pageOf, sampleErrors, scaleEach } from './featureImages';

describe('feature images', () => {
  it('stretches each unit to its own range, so a weak unit shows its pattern as clearly', () => {
    const weights = new Float32Array([-0.01, 0, 0.01, -2, 0, 2]);
    expect(Array.from(scaleEach(weights, 2, 3))).toEqual([0, 0.5, 1, 0, 0.5, 1]);
  });

  it('draws a unit whose weights are all equal as a flat grey', () => {
    expect(Array.from(scaleEach(new Float32Array([3, 3]), 1, 2))).toEqual([0.5, 0.5]);
  });

  it('pages through a large layer, the last page holding the rest', () => {
    const values = new Float32Array(300 * 2);
    const last = pageOf(values, 300, 2, 2, 128);
    expect(last.first).toBe(256);
    expect(last.count).toBe(44);
    expect(last.values).toHaveLength(88);
  });

  it('gives each reconstruction its mean squared error', () => {
    const a = new Float32Array([0, 0, 1, 1]);
    const b = new Float32Array([0, 1, 1, 1]);
    expect(sampleErrors(a, b, 2, 2)).toEqual([0.5, 0]);
  });
});
