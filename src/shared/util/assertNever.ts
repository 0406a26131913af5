/**
 * The default branch of an exhaustive switch: a new case that is not handled fails to type-check
 * here, and a value from outside the types (an unchecked message) fails loudly at run time.
 */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
