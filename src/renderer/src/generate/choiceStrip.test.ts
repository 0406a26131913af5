import { describe, expect, it } from 'vitest';
import { aDigit, tileAt, tileBox } from './choiceStrip';

const digit = { width: 28, height: 28, channels: 1 };

describe('the strip of digits to interpolate between', () => {
  it('finds the tile a click lands on, on the second line too', () => {
    const box = tileBox(15, 12, digit);
    expect(tileAt(box.left + 14, box.top + 14, 12, 24, digit)).toBe(15);
    expect(tileAt(box.left + 1, box.top + 27, 12, 24, digit)).toBe(15);
    expect(tileAt(5, 5, 12, 24, digit)).toBe(0);
    expect(tileAt(5, 500, 12, 24, digit)).toBeNull();
  });

  it('names a digit as a person reads it', () => {
    expect(aDigit(3)).toBe('a 3');
    expect(aDigit(8)).toBe('an 8');
    expect(aDigit(undefined)).toBe('a digit');
  });
});
