import { describe, expect, it } from 'vitest';
import { benchConv, benchDense } from './bench';
import { DIGIT_SIZE, loadDigits } from './digits';

describe('benchmarks', () => {
  it('loads 10,000 digits of 784 values in [0, 1] from the mnist package', async () => {
    const digits = await loadDigits();
    expect(digits.length).toBe(10_000 * DIGIT_SIZE);
    expect(Math.min(...digits.subarray(0, 5000))).toBeGreaterThanOrEqual(0);
    expect(Math.max(...digits.subarray(0, 5000))).toBeLessThanOrEqual(1);
  });

  it('reports a finite epoch time and loss for small dense and conv runs', async () => {
    for (const figure of [await benchDense({ samples: 512 }), await benchConv({ samples: 256 })]) {
      expect(figure.backend).toBe('wasm');
      expect(figure.secondsPerEpoch).toBeGreaterThan(0);
      expect(Number.isFinite(figure.loss)).toBe(true);
      expect(figure.gflops).toBeGreaterThan(0);
    }
  });
});
