import { describe, expect, it } from 'vitest';
import { applyScaling } from './scaling';
import type { RawDataset } from './types';
import { expectOk, expectProblem } from './testing/expect-problem';

const raw = (values: number[], d: number, byteValued = false): RawDataset => ({
  name: 'table',
  images: new Float32Array(values),
  sampleShape: [d],
  count: values.length / d,
  labels: null,
  labelNames: null,
  byteValued,
});

describe('applyScaling', () => {
  it("'unit' divides bytes by 255", () => {
    const ds = expectOk(applyScaling(raw([0, 51, 255, 0], 2, true), 'unit'));
    expect(Array.from(ds.images)).toEqual([0, 0.2, 1, 0].map(Math.fround));
  });

  it("'unit' leaves values already in [0, 1] alone", () => {
    expect(Array.from(expectOk(applyScaling(raw([0.25, 0.5], 2), 'unit')).images)).toEqual([
      0.25, 0.5,
    ]);
  });

  it("'unit' min-max scales other values over the whole data set", () => {
    const ds = expectOk(applyScaling(raw([-2, 0, 2, 6], 2), 'unit'));
    expect(Array.from(ds.images)).toEqual([0, 0.25, 0.5, 1]);
  });

  it("'standardize' gives every feature zero mean and unit variance", () => {
    const ds = expectOk(applyScaling(raw([1, 10, 3, 10, 5, 10], 2), 'standardize'));
    const first = [ds.images[0], ds.images[2], ds.images[4]];
    const mean = first.reduce((a, b) => a + b, 0) / 3;
    const variance = first.reduce((a, b) => a + (b - mean) ** 2, 0) / 3;
    expect(mean).toBeCloseTo(0, 6);
    expect(variance).toBeCloseTo(1, 5);
    // A constant feature is centred, not divided by zero.
    expect([ds.images[1], ds.images[3], ds.images[5]]).toEqual([0, 0, 0]);
  });

  it("'none' keeps the values and the result drops reader details", () => {
    const ds = expectOk(applyScaling(raw([-2, 9], 1), 'none'));
    expect(Array.from(ds.images)).toEqual([-2, 9]);
    expect(Object.keys(ds).sort()).toEqual([
      'count',
      'images',
      'labelNames',
      'labels',
      'name',
      'sampleShape',
    ]);
  });

  it('refuses NaN and infinity, naming the sample and value', () => {
    expectProblem(
      applyScaling(raw([1, 2, 3, NaN], 2), 'none'),
      'D011',
      /Sample 2 of 'table' holds NaN at value 2/,
    );
    expectProblem(applyScaling(raw([Infinity], 1), 'unit'), 'D011', /Infinity/);
  });
});
