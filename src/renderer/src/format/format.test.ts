import { describe, expect, it } from 'vitest';
import { formatDuration, formatLoss, formatParams, formatShape } from './format';

describe('formatting for people', () => {
  it('writes flat and image shapes the way the nodes show them', () => {
    expect(formatShape([784])).toBe('784');
    expect(formatShape([28, 28, 1])).toBe('28×28×1');
    expect(formatShape(null)).toBe('?');
  });

  it('groups parameter counts by thousands', () => {
    expect(formatParams(100480)).toBe('100,480 params');
    expect(formatParams(1)).toBe('1 param');
  });

  it('writes remaining time in seconds, minutes or hours', () => {
    expect(formatDuration(8.4)).toBe('8 s');
    expect(formatDuration(125)).toBe('2 min 05 s');
    expect(formatDuration(3780)).toBe('1 h 03 min');
    expect(formatDuration(Number.NaN)).toBe('—');
  });

  it('keeps four significant digits of a loss and switches to exponents at the extremes', () => {
    expect(formatLoss(0.123456)).toBe('0.1235');
    expect(formatLoss(0.00001234)).toBe('1.23e-5');
  });
});
