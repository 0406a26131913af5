import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_SPEC } from '../../../shared/contract/training';
import type { Diagnostic } from '../../../shared/graph/messages';
import { startBlockedReason } from './startBlocked';

const wrongSize: Diagnostic = {
  code: 'E_OUTPUT_SHAPE',
  severity: 'error',
  nodeIds: ['dec2'],
  message: "Dense 'decoder 2' gives 500 values but Output needs 784",
};
const noInput: Diagnostic = {
  code: 'E_NO_INPUT',
  severity: 'error',
  nodeIds: [],
  message: 'The network has no Input layer.',
};
const dangling: Diagnostic = {
  code: 'W_DANGLING_EDGE',
  severity: 'warning',
  nodeIds: ['x'],
  message: 'A connection leads nowhere.',
};

describe('why Start is blocked', () => {
  it('lets a design with no problems and the embedded digits start', () => {
    expect(startBlockedReason([], DEFAULT_DATA_SPEC)).toBeNull();
  });

  it('lets a design with only warnings start', () => {
    expect(startBlockedReason([dangling], DEFAULT_DATA_SPEC)).toBeNull();
  });

  it('counts the errors in words and names the first one, without its code', () => {
    const reason = startBlockedReason([dangling, wrongSize, noInput], DEFAULT_DATA_SPEC);
    expect(reason).toEqual({
      where: 'design',
      text: "Fix 2 problems in the design first: Dense 'decoder 2' gives 500 values but Output needs 784",
    });
    expect(reason?.text).not.toMatch(/E_/);
  });

  it('says "1 problem" for a single error', () => {
    expect(startBlockedReason([noInput], DEFAULT_DATA_SPEC)?.text).toMatch(
      /^Fix 1 problem in the design first: /,
    );
  });

  it('asks for layers when the design is empty', () => {
    expect(startBlockedReason([], DEFAULT_DATA_SPEC, 0)?.text).toMatch(/^Add layers/);
  });

  it('asks for a data file when the source is a file but none is named', () => {
    const reason = startBlockedReason([], { source: 'file', file: null });
    expect(reason?.where).toBe('data');
    expect(reason?.text).toMatch(/^Choose a data file first/);
  });

  it('names the design before the data when both are not ready', () => {
    expect(startBlockedReason([noInput], { source: 'file', file: null })?.where).toBe('design');
  });
});
