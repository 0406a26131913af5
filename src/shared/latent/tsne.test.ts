import { describe, expect, it } from 'vitest';
import { gaussianSampler } from './gaussian';
import { tsne } from './tsne';

/** Two tight Gaussian blobs 20 apart in 10-D: points 0..n-1 are blob A, n..2n-1 blob B. */
function twoBlobs(n: number, dim = 10, seed = 5): Float32Array {
  const normal = gaussianSampler(seed);
  const data = new Float32Array(2 * n * dim);
  for (let i = 0; i < 2 * n; i++)
    for (let j = 0; j < dim; j++) data[i * dim + j] = normal() + (i >= n && j === 0 ? 20 : 0);
  return data;
}

const options = { perplexity: 10, iterations: 300, exaggerationSteps: 100 };

describe('t-SNE', () => {
  it('gives the same layout for the same seed, and another for another seed', () => {
    const data = twoBlobs(30);
    const a = tsne(data, 60, 10, { ...options, seed: 7 });
    const b = tsne(data, 60, 10, { ...options, seed: 7 });
    const c = tsne(data, 60, 10, { ...options, seed: 8 });
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });

  it('keeps two well-separated clusters apart: every point nearer its own cluster than the other', () => {
    const n = 40;
    const y = tsne(twoBlobs(n), 2 * n, 10, { ...options, seed: 3 });
    const dist = (i: number, j: number) =>
      Math.hypot(y[i * 2] - y[j * 2], y[i * 2 + 1] - y[j * 2 + 1]);
    let widestInside = 0;
    let nearestAcross = Infinity;
    for (let i = 0; i < 2 * n; i++)
      for (let j = i + 1; j < 2 * n; j++) {
        const same = i < n === j < n;
        if (same) widestInside = Math.max(widestInside, dist(i, j));
        else nearestAcross = Math.min(nearestAcross, dist(i, j));
      }
    // Not only separable: the gap between the clusters is wider than a cluster's own spread.
    expect(nearestAcross).toBeGreaterThan(widestInside * 0.5);
    for (let i = 0; i < 2 * n; i++) {
      let best = -1;
      let bestD = Infinity;
      for (let j = 0; j < 2 * n; j++)
        if (j !== i && dist(i, j) < bestD) [best, bestD] = [j, dist(i, j)];
      expect(best < n).toBe(i < n);
    }
  });

  it('reports its progress up to the last step', () => {
    const seen: number[] = [];
    tsne(
      twoBlobs(10),
      20,
      10,
      { perplexity: 5, iterations: 120 },
      (done, total) => {
        expect(total).toBe(120);
        seen.push(done);
      },
      50,
    );
    expect(seen).toEqual([50, 100, 120]);
  });

  it('places a single point without failing', () => {
    expect(tsne(new Float32Array([1, 2, 3]), 1, 3, { iterations: 5 }).length).toBe(2);
  });
});
