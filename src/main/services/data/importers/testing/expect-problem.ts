import { expect } from 'vitest';
import type { Result } from '../../../../../shared/contract/result';

/** Asserts an E_DATA failure with the numbered issue and, optionally, words in its message. */
export function expectProblem<T>(
  result: Result<T>,
  issue: string,
  words?: RegExp | string,
): string {
  expect(result.ok, result.ok ? 'expected a failure but the import succeeded' : '').toBe(false);
  if (result.ok) return '';
  expect(result.error.code).toBe('E_DATA');
  expect(result.error.details).toEqual({ issue });
  if (words !== undefined) expect(result.error.message).toMatch(words);
  return result.error.message;
}

/** Unwraps a success, failing the test with the message otherwise. */
export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got: ${result.error.message}`);
  return result.value;
}
