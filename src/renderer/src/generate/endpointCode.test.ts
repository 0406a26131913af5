import { describe, expect, it } from 'vitest';
import { endpointCode } from './endpointCode';

const codes = { codes: Float32Array.from([0, 0, 2, 4, 4, 8]), count: 3, codeSize: 2 };

describe('the code of an interpolation or arithmetic endpoint', () => {
  it('is the mean code of the selected samples', () => {
    expect(Array.from(endpointCode({ name: 's', indices: Int32Array.of(1, 2) }, codes)!)).toEqual([
      3, 6,
    ]);
  });

  it('is the code itself for a drawn point, and nothing when its size no longer fits', () => {
    expect(endpointCode({ name: 'd', code: Float32Array.of(1, 1) }, codes)).not.toBeNull();
    expect(endpointCode({ name: 'd', code: Float32Array.of(1, 1, 1) }, codes)).toBeNull();
  });

  it('is nothing when its samples are past the current ones (a smaller run)', () => {
    expect(endpointCode({ name: 's', indices: Int32Array.of(5) }, codes)).toBeNull();
  });
});
