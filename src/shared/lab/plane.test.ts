import { describe, expect, it } from 'vitest';
import { getPreset } from '../presets';
import { codeActivation } from './codeLayer';
import { cumulative, eigenImages } from './eigenImages';
import { axisPlane, placeAll, placeOnPlane, varianceEllipse, type PlaneBasis } from './plane';

describe('the Lab plane', () => {
  it('places a code by its two chosen values on an axis plane', () => {
    const basis = axisPlane(3, [2, 0]);
    expect(placeOnPlane(basis, [1, 2, 3])).toEqual([3, 1]);
    expect(Array.from(placeAll(basis, Float32Array.from([1, 2, 3, 4, 5, 6]), 2))).toEqual([
      3, 1, 6, 4,
    ]);
  });

  it('draws a diagonal variance as an axis-aligned ellipse of one standard deviation', () => {
    const wide = varianceEllipse(axisPlane(3, [0, 1]), [4, 1, 100]);
    expect(wide.radii).toEqual([2, 1]);
    expect(wide.angle).toBeCloseTo(0);
    const tall = varianceEllipse(axisPlane(2, [0, 1]), [1, 9]);
    expect(tall.radii).toEqual([3, 1]);
    expect(tall.angle).toBeCloseTo(Math.PI / 2);
  });

  it('tilts the ellipse on a plane turned 45° to the code values', () => {
    const s = Math.SQRT1_2;
    const basis: PlaneBasis = {
      centre: new Float64Array(2),
      directions: Float64Array.from([s, s, -s, s]),
      size: 2,
    };
    const e = varianceEllipse(basis, [4, 1]);
    expect(e.radii[0]).toBeCloseTo(2);
    expect(e.radii[1]).toBeCloseTo(1);
    // The long axis is code value 1, which lies at -45° on this plane.
    expect(Math.abs(Math.tan(e.angle) + 1)).toBeLessThan(1e-9);
  });
});

describe('eigen-images', () => {
  it('draws zero as mid grey and each component’s largest magnitude as black or white', () => {
    const images = eigenImages([0, 2, -1, 0, 0, 0], 2, 3);
    expect(Array.from(images)).toEqual([0.5, 1, 0.25, 0.5, 0.5, 0.5]);
    expect(cumulative([0.5, 0.25, 0.125])).toEqual([0.5, 0.75, 0.875]);
  });
});

describe('the code layer’s activation', () => {
  it('is sigmoid for the sparse KL preset, relu for the default, gaussian for the VAE', () => {
    expect(codeActivation(getPreset('sparse-kl')!.graph)).toBe('sigmoid');
    expect(codeActivation(getPreset('default')!.graph)).toBe('relu');
    expect(codeActivation(getPreset('vae')!.graph)).toBe('gaussian');
    expect(codeActivation(getPreset('latent2d')!.graph)).toBe('linear');
  });
});
