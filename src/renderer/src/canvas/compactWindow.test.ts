import { describe, expect, it } from 'vitest';
import { isCompactWindow } from './compactWindow';

describe('a compact window', () => {
  it('is one narrower than 1366 px or lower than 800 px: 1280 × 720 is, 1440 × 900 is not', () => {
    expect(isCompactWindow(1280, 720)).toBe(true);
    expect(isCompactWindow(1920, 760)).toBe(true);
    expect(isCompactWindow(1280, 1024)).toBe(true);
    expect(isCompactWindow(1366, 800)).toBe(false);
    expect(isCompactWindow(1440, 900)).toBe(false);
  });
});
