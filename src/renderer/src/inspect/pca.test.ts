import { describe, expect, it } from 'vitest';
import { pca, prepareRows } from './pca';

/** Points along a known direction with a little spread across it. */
function lineCloud(count: number, direction: number[], spread: number) {
  const dim = direction.length;
  const values = new Float32Array(count * dim);
  for (let i = 0; i < count; i++) {
    const t = (i / count - 0.5) * 10;
    const s = Math.sin(i * 12.9898) * spread;
    for (let j = 0; j < dim; j++) values[i * dim + j] = 3 + t * direction[j] + (j === 0 ? s : -s);
  }
  return values;
}

describe('PCA by power iteration', () => {
  it('finds the direction of most variance as the first component, with its share of variance', () => {
    const direction = [0.6, 0.8, 0];
    const result = pca(lineCloud(400, direction, 0.05), 400, 3, { k: 2 });
    const first = Array.from(result.components.subarray(0, 3));
    const dot = first.reduce((s, v, j) => s + v * direction[j], 0);
    expect(Math.abs(dot)).toBeCloseTo(1, 4);
    expect(result.explained[0]).toBeGreaterThan(0.99);
    expect(result.variances[0]).toBeGreaterThan(result.variances[1]);
  });

  it('returns orthonormal components and centred projections', () => {
    const values = new Float32Array(300 * 5).map(
      (_, i) => Math.sin(i * 0.37) + Math.cos(i * 1.3) * (i % 5),
    );
    const { components, projected } = pca(values, 300, 5, { k: 2 });
    const dot = (a: number, b: number) => {
      let s = 0;
      for (let j = 0; j < 5; j++) s += components[a * 5 + j] * components[b * 5 + j];
      return s;
    };
    expect(dot(0, 0)).toBeCloseTo(1, 6);
    expect(dot(1, 1)).toBeCloseTo(1, 6);
    expect(dot(0, 1)).toBeCloseTo(0, 6);
    let mean = 0;
    for (let i = 0; i < 300; i++) mean += projected[i * 2];
    expect(mean / 300).toBeCloseTo(0, 4);
  });

  it('agrees with the exact eigenvalues of a known covariance', () => {
    // x = (a, 2b, 0.5c) for independent a, b, c of variance 1: variances 4, 1, 0.25.
    const count = 4000;
    const values = new Float32Array(count * 3);
    const signs = [1, -1];
    for (let i = 0; i < count; i++) {
      values[i * 3] = signs[i % 2];
      values[i * 3 + 1] = 2 * signs[Math.floor(i / 2) % 2];
      values[i * 3 + 2] = 0.5 * signs[Math.floor(i / 4) % 2];
    }
    const { variances } = pca(values, count, 3, { k: 3 });
    expect(variances[0]).toBeCloseTo(4, 3);
    expect(variances[1]).toBeCloseTo(1, 3);
    expect(variances[2]).toBeCloseTo(0.25, 3);
  });
});

describe('scaling before PCA', () => {
  it('standardizes every feature to unit variance and leaves a constant feature at zero', () => {
    const values = new Float32Array([1, 5, 10, 5, 3, 5, 7, 5]);
    const x = prepareRows(values, 4, 2, 'standardize');
    let variance = 0;
    for (let i = 0; i < 4; i++) variance += x[i * 2] ** 2;
    expect(variance / 4).toBeCloseTo(1, 6);
    expect([x[1], x[3], x[5], x[7]]).toEqual([0, 0, 0, 0]);
  });

  it('normalizes each sample to unit length before centring', () => {
    const values = new Float32Array([3, 4, 6, 8]);
    const x = prepareRows(values, 2, 2, 'normalize');
    // Both rows become (0.6, 0.8): after centring nothing is left.
    expect(Array.from(x).map((v) => Math.abs(v) < 1e-12)).toEqual([true, true, true, true]);
  });
});
