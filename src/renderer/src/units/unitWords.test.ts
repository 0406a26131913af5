import { describe, expect, it } from 'vitest';
import { ablationWords, changeImages } from './unitWords';

describe('what turning a unit off did, in words', () => {
  it('says how far the loss rose', () => {
    expect(ablationWords(3, 0.1, 0.12)).toBe(
      'Turning unit 3 off raises the loss from 0.1000 to 0.1200 (+20.0%).',
    );
    expect(ablationWords(1, 0.1793, 0.17941)).toBe(
      'Turning unit 1 off raises the loss from 0.1793 to 0.1794 (+0.061%).',
    );
  });
  it('draws where turning it off changed the picture, the largest change white', () => {
    const moved = changeImages(
      Float32Array.from([0.5, 0.5, 0.5]),
      Float32Array.from([0.5, 0.4, 0.7]),
    );
    expect(Array.from(moved).map((v) => Number(v.toFixed(3)))).toEqual([0, 0.5, 1]);
  });
  it('says a unit the model ignores is not used', () => {
    expect(ablationWords(0, 0.1, 0.1)).toMatch(/does not use it/);
  });
});
