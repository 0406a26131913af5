import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, exportProject } from '../../src/main/services/export';
import { exportSummary } from '../../src/shared/export/summary';
import { getPreset } from '../../src/shared/presets';

describe('exportProject', () => {
  it('writes every format of a preset into the folder', async () => {
    const preset = getPreset('sparse-kl')!;
    const dir = mkdtempSync(join(tmpdir(), 'export-project-'));
    for (const format of EXPORT_FORMATS) {
      const result = await exportProject(
        preset.graph,
        format,
        dir,
        { title: preset.title },
        { settings: preset.settings },
      );
      if (!result.ok) throw new Error(`${format}: ${result.error.message}`);
      for (const path of result.value) expect(existsSync(path), path).toBe(true);
    }
    expect(existsSync(join(dir, 'autoencoder@2x.png'))).toBe(true);
    expect(existsSync(join(dir, 'autoencoder-tfjs', 'model', 'model.json'))).toBe(true);
    expect(readFileSync(join(dir, 'autoencoder.py'), 'utf8')).toContain('class Code(layers.Layer)');
  });

  it('refuses invalid export settings with a message', async () => {
    const result = await exportProject(getPreset('default')!.graph, 'png', tmpdir(), {
      baseName: '../escape',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'E_INVALID_MESSAGE' } });
  });
});

describe('exportSummary', () => {
  it('gives the Keras-style text and a Markdown table with the same totals', () => {
    const { text, markdown } = exportSummary(getPreset('default')!.graph, 'default');
    expect(text).toContain('Total params: 209,968');
    expect(markdown).toContain('| Layer | Type | Output shape | Parameters |');
    expect(markdown).toContain('**Total parameters:** 209,968');
    expect(
      markdown
        .split('\n')
        .filter((l) => l.startsWith('| ') && !l.startsWith('| Layer') && !l.startsWith('| ---')),
    ).toHaveLength(5);
  });
});
