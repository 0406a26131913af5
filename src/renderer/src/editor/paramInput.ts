import type { ParamValue } from '../../../shared/graph/document';
import type { ParamSpec } from '../../../shared/layers/types';

/** What a typed field makes of its text: a value to store, or a sentence saying what is wrong. */
export type ParsedField = { ok: true; value: ParamValue } | { ok: false; message: string };

/** The text a field shows for a value. */
export function fieldText(value: ParamValue): string {
  if (Array.isArray(value)) return value.join(', ');
  return value === null ? '' : String(value);
}

/** Reads a number or list field's text against its spec, so only valid values reach the graph. */
export function parseField(spec: ParamSpec, text: string): ParsedField {
  if (spec.type === 'number') {
    const n = Number(text.trim());
    if (text.trim() === '' || !Number.isFinite(n)) return { ok: false, message: 'Type a number.' };
    if (spec.integer && !Number.isInteger(n)) return { ok: false, message: 'Type a whole number.' };
    if (n < spec.min || n > spec.max) {
      return { ok: false, message: `Use a value from ${spec.min} to ${spec.max}.` };
    }
    return { ok: true, value: n };
  }
  if (spec.type === 'intList') {
    const parts = text.split(/[\s,×x]+/).filter((p) => p !== '');
    const values = parts.map(Number);
    if (values.some((v) => !Number.isInteger(v))) {
      return { ok: false, message: 'Type whole numbers separated by commas.' };
    }
    if (values.length < spec.minLength || values.length > spec.maxLength) {
      return {
        ok: false,
        message: `Give ${spec.minLength === spec.maxLength ? spec.minLength : `${spec.minLength} to ${spec.maxLength}`} numbers.`,
      };
    }
    if (values.some((v) => v < spec.min || v > spec.max)) {
      return { ok: false, message: `Each number goes from ${spec.min} to ${spec.max}.` };
    }
    return { ok: true, value: values };
  }
  return { ok: true, value: text };
}
