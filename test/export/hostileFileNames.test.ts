import { describe, expect, it } from 'vitest';
import { renderExport } from '../../src/main/services/export/render';
import { safeFileBase } from '../../src/shared/escape/fileName';
import { getPreset } from '../../src/shared/presets';
import { hostileNames } from './hostileStrings';

const request = (title: string) => ({
  graph: getPreset('default')!.graph,
  format: 'svg' as const,
  title,
  scale: 2 as const,
  procedure: null,
  weightsOfRun: null,
});

describe('export file names from hostile titles', () => {
  it.each(['.', '..', '.hidden', '../../x', 'CON'])(
    'writes the picture inside the export folder for the title %j',
    async (title) => {
      const result = await renderExport(request(title), undefined);
      if (!result.ok) throw new Error(result.error.message);
      const names = result.value.files.map((f) => f.name);
      expect(names).toHaveLength(1);
      expect(names[0]).toMatch(/^[A-Za-z0-9_-][A-Za-z0-9._-]*\.svg$/);
    },
  );

  it('gives a plain, visible, non-device file name for 200 hostile titles', () => {
    const bad = hostileNames(200).filter((name) => {
      const base = safeFileBase(name);
      return (
        !/^[A-Za-z0-9_][A-Za-z0-9._-]{0,79}$/.test(base) ||
        base.endsWith('.') ||
        /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(base)
      );
    });
    expect(bad).toEqual([]);
  });
});
