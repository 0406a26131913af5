import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nastyString, NASTY_CHARS } from '../../src/shared/escape/arbitraries';
import { pyDocText, pyString } from '../../src/shared/escape/python';

/** Strings for python3 to evaluate: every nasty character alone, then a fixed random sample. */
const SAMPLE = [
  ...NASTY_CHARS,
  NASTY_CHARS.join(''),
  '"""+__import__(\'os\').system(\'x\')+"""',
  ...fc.sample(nastyString, { numRuns: 500, seed: 21 }),
];

/**
 * Writes each literal on its own line of one module (a list) and has one python3 print the
 * values back as JSON (ensure_ascii: lone surrogates come back as \udXXX, which JSON.parse reads).
 */
function evaluateInPython(lines: string[]): unknown {
  const file = join(mkdtempSync(join(tmpdir(), 'py-literals-')), 'literals.py');
  writeFileSync(file, `values = [\n${lines.map((l) => `    ${l},`).join('\n')}\n]\n`, 'utf8');
  const run = spawnSync(
    'python3',
    [
      '-c',
      'import json, runpy, sys; print(json.dumps(runpy.run_path(sys.argv[1])["values"]))',
      file,
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (run.error)
    throw new Error(
      `python3 could not be started (${run.error.message}): this test needs python3 on PATH.`,
    );
  if (run.status !== 0) throw new Error(`python3 rejected the literals: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

describe('Python literals evaluated by python3', () => {
  it('evaluates every pyString literal back to its string', () => {
    expect(evaluateInPython(SAMPLE.map(pyString))).toEqual(SAMPLE);
  });

  it('evaluates every pyDocText inside a triple-quoted string back to its text', () => {
    expect(evaluateInPython(SAMPLE.map((s) => `"""${pyDocText(s)}"""`))).toEqual(SAMPLE);
  });
});
