import { describe, expect, it } from 'vitest';
import { integer, intList, rate } from '../../../shared/layers/params';
import { fieldText, parseField } from './paramInput';

const shapeSpec = intList('Shape', 'Size of one sample.', [784], {
  minLength: 1,
  maxLength: 3,
  min: 1,
  max: 100000,
});

describe('inspector fields', () => {
  it('accepts a whole number in range and explains what is wrong otherwise', () => {
    const units = integer('Units', 'How many.', 32, 1, 1000);
    expect(parseField(units, '128')).toEqual({ ok: true, value: 128 });
    expect(parseField(units, '12.5')).toEqual({ ok: false, message: 'Type a whole number.' });
    expect(parseField(units, '0')).toEqual({ ok: false, message: 'Use a value from 1 to 1000.' });
    expect(parseField(units, '')).toMatchObject({ ok: false });
  });

  it('accepts fractions for rates', () => {
    expect(parseField(rate('Rate', 'Share.', 0.2), '0.35')).toEqual({ ok: true, value: 0.35 });
  });

  it('reads a shape written with commas or ×', () => {
    expect(parseField(shapeSpec, '28, 28, 1')).toEqual({ ok: true, value: [28, 28, 1] });
    expect(parseField(shapeSpec, '28×28×1')).toEqual({ ok: true, value: [28, 28, 1] });
    expect(parseField(shapeSpec, '1, 2, 3, 4')).toMatchObject({ ok: false });
    expect(fieldText([28, 28, 1])).toBe('28, 28, 1');
  });
});
