import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../graph/messages';
import { migrateDocument } from '../graph/migrate';
import { analyzeGraph, compileGraph } from '.';

interface Fixture {
  expect: { code: string; message: string; nodeIds: string[] };
  graph: unknown;
}
// Vite's import.meta.glob reads the fixtures without Node APIs, which src/shared may not use.
const modules = (
  import.meta as unknown as {
    glob: (pattern: string, options: { eager: true; import: 'default' }) => Record<string, Fixture>;
  }
).glob('../../../test/fixtures/graphs/*.json', { eager: true, import: 'default' });
const fixtures = Object.entries(modules).map(([path, f]) => ({
  file: path.split('/').pop()!,
  ...f,
}));

describe('broken graph fixtures', () => {
  it.each(fixtures.map((f) => [f.file, f] as const))(
    '%s gives its expected diagnostic',
    (_file, fixture) => {
      const doc = migrateDocument(fixture.graph);
      if (!doc.ok) throw new Error(doc.error.message);
      const analysis = analyzeGraph(doc.value);
      const found = analysis.diagnostics.find((d) => d.code === fixture.expect.code);
      expect(found, JSON.stringify(analysis.diagnostics, null, 1)).toBeDefined();
      expect(found!.message).toBe(fixture.expect.message);
      expect([...found!.nodeIds].sort()).toEqual([...fixture.expect.nodeIds].sort());
      if (found!.severity === 'error') expect(compileGraph(doc.value).ok).toBe(false);
    },
  );

  it('covers every diagnostic code', () => {
    const covered = new Set(fixtures.map((f) => f.expect.code));
    expect([...Object.keys(DIAGNOSTIC_CODES)].filter((c) => !covered.has(c))).toEqual([]);
  });
});
