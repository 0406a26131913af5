import { describe, expect, it } from 'vitest';
import { nearestRows, smallest } from './neighbours';
import { chancePrecision, precisionAtK, spreadQueries } from './precision';
import { searchReport } from './searchReport';

/** count points in `dim` values around one centre per label, with a little seeded noise. */
function clusters(count: number, dim: number, labelsCount: number) {
  let state = 42;
  const noise = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32 - 0.5;
  const values = new Float32Array(count * dim);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    labels[i] = i % labelsCount;
    for (let j = 0; j < dim; j++)
      values[i * dim + j] = (j % labelsCount === labels[i] ? 0.8 : 0.2) + noise() * 0.3;
  }
  return { values, labels };
}

describe('nearest neighbours', () => {
  it('returns the nearest rows first, leaves the query out and breaks ties by index', () => {
    const rows = { values: Float32Array.from([0, 5, 1, 1, 9]), count: 5, dim: 1 };
    expect(nearestRows(rows, [1], 3, 2)).toEqual([3, 0, 1]);
    expect(smallest([2, 1, 1], 3)).toEqual([1, 2, 0]);
  });
});

describe('precision at k', () => {
  it('is the share of found images with the query’s label', () => {
    const labels = [0, 0, 1, 1];
    expect(precisionAtK(labels, [0, 2], 2, (q) => (q === 0 ? [1, 2] : [3, 1]))).toBe(0.5);
  });

  it('is about one in ten for random picks among ten balanced labels', () => {
    const labels = Array.from({ length: 1000 }, (_, i) => i % 10);
    expect(chancePrecision(labels, 1000, spreadQueries(1000, 100))).toBeCloseTo(99 / 999, 6);
  });

  it('scores hashing, codes and pixels on clustered data well above chance', () => {
    const codes = clusters(300, 16, 4);
    const pixels = clusters(300, 64, 4);
    const report = searchReport({
      codes: { values: codes.values, count: 300, dim: 16 },
      pixels: { values: pixels.values, count: 300, dim: 64 },
      labels: codes.labels,
      rule: 'median',
      queries: 50,
    });
    expect(report.queries).toBe(50);
    expect(report.chance).toBeCloseTo(74 / 299, 6);
    expect(report.hamming).toBeGreaterThan(0.9);
    expect(report.codes).toBeGreaterThan(0.9);
    expect(report.pixels).toBeGreaterThan(0.9);
  });
});
