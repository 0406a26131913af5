import { describe, expect, it } from 'vitest';
import {
  describeSum,
  indicesWithLabel,
  meanOfCodes,
  noiseAround,
  partialSums,
  priorSamples,
  weightedSum,
} from './arithmetic';

// Four 2-value codes: two "1s" near (1, 0), two "7s" near (0, 1).
const rows = { values: Float32Array.from([1, 0, 3, 0, 0, 1, 0, 3]), count: 4, size: 2 };
const labels = Int32Array.from([1, 1, 7, 7]);

describe('latent arithmetic', () => {
  it('takes the mean of the chosen codes', () => {
    expect(Array.from(meanOfCodes(rows, [0, 1])!)).toEqual([2, 0]);
    expect(Array.from(meanOfCodes(rows, indicesWithLabel(labels, 7))!)).toEqual([0, 2]);
  });

  it('has no mean for an empty set or for indices past the codes (another run)', () => {
    expect(meanOfCodes(rows, [])).toBeNull();
    expect(meanOfCodes(rows, [0, 4])).toBeNull();
  });

  it('picks the rows of a label, within the count of codes', () => {
    expect(Array.from(indicesWithLabel(labels, 1))).toEqual([0, 1]);
    expect(Array.from(indicesWithLabel(labels, 7, 3))).toEqual([2]);
    expect(indicesWithLabel(labels, 4).length).toBe(0);
  });

  it('adds and subtracts terms with their weights, each step after the one before', () => {
    const ones = Float32Array.from([2, 0]);
    const sevens = Float32Array.from([0, 2]);
    const steps = partialSums([
      { weight: 1, vector: ones },
      { weight: 1, vector: sevens },
      { weight: -1, vector: ones },
    ])!;
    expect(steps.map((s) => Array.from(s))).toEqual([
      [2, 0],
      [2, 2],
      [0, 2],
    ]);
    // "1s + (7s − 1s)" lands on the 7s.
    expect(Array.from(weightedSum([{ weight: 0.5, vector: sevens }])!)).toEqual([0, 1]);
  });

  it('refuses a sum of no terms or of codes of different sizes', () => {
    expect(weightedSum([])).toBeNull();
    expect(
      weightedSum([
        { weight: 1, vector: new Float32Array(2) },
        { weight: 1, vector: new Float32Array(3) },
      ]),
    ).toBeNull();
  });

  it('draws the same noise around the centre for the same seed, other noise for another', () => {
    const centre = Float32Array.from([5, -5, 0]);
    const a = noiseAround(centre, 4, 0.5, 7);
    expect(Array.from(noiseAround(centre, 4, 0.5, 7))).toEqual(Array.from(a));
    expect(Array.from(noiseAround(centre, 4, 0.5, 8))).not.toEqual(Array.from(a));
    expect(a.length).toBe(12);
  });

  it('scatters the noise with the chosen spread around the centre, and keeps the centre first when asked', () => {
    const centre = Float32Array.from([3, -1]);
    const count = 4000;
    const draws = noiseAround(centre, count, 0.25, 1);
    for (let j = 0; j < 2; j++) {
      let sum = 0;
      let squares = 0;
      for (let n = 0; n < count; n++) sum += draws[n * 2 + j];
      const mean = sum / count;
      for (let n = 0; n < count; n++) squares += (draws[n * 2 + j] - mean) ** 2;
      expect(mean).toBeCloseTo(centre[j], 1);
      expect(Math.sqrt(squares / count)).toBeCloseTo(0.25, 1);
    }
    const kept = noiseAround(centre, 3, 1, 1, true);
    expect(Array.from(kept.subarray(0, 2))).toEqual([3, -1]);
    expect(Array.from(noiseAround(centre, 2, 0, 1))).toEqual([3, -1, 3, -1]);
  });

  it("draws a prior's samples from a seed, uniform ones within the spread", () => {
    const normal = { distribution: 'normal' as const, size: 3, spread: 1 };
    expect(Array.from(priorSamples(normal, 5, 2))).toEqual(Array.from(priorSamples(normal, 5, 2)));
    const uniform = priorSamples({ distribution: 'uniform', size: 4, spread: 0.5 }, 100, 3);
    expect(uniform.length).toBe(400);
    expect(uniform.every((v) => v >= -0.5 && v <= 0.5)).toBe(true);
  });

  it('says the sum in words, weights of one unsaid', () => {
    expect(
      describeSum([
        { weight: 1, name: '1s' },
        { weight: 1, name: '7s' },
        { weight: -1, name: '1s' },
      ]),
    ).toBe('1s + 7s − 1s');
    expect(
      describeSum([
        { weight: -0.5, name: 'a' },
        { weight: 2, name: 'b' },
      ]),
    ).toBe('− 0.5 × a + 2 × b');
  });
});
