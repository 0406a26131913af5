import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { zipExport } from '../../src/main/services/export/tfjsArchive';
import { exportTfjsZip } from '../../src/main/services/export/tfjsInWorker';
import { getPreset } from '../../src/shared/presets';
import { HANDPICKED, hostileNames } from './hostileStrings';

const workDir = mkdtempSync(join(tmpdir(), 'tfjs-archive-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const FILES = {
  'README.md': '# r',
  'model/model.json': '{}',
  'model/weights.bin': new Uint8Array(8),
};
const SAFE_ENTRY = /^[A-Za-z0-9_][A-Za-z0-9._-]*(\/[A-Za-z0-9_][A-Za-z0-9._-]*)+$/;

describe('the TensorFlow.js zip', () => {
  it('keeps every entry inside one plain top folder whatever the project is called', () => {
    const escaped: string[] = [];
    for (const name of [
      ...HANDPICKED,
      '..',
      '../../x',
      '/etc/passwd',
      'a/../../b',
      'C:\\x',
      ...hostileNames(200),
    ]) {
      const entries = Object.keys(unzipSync(zipExport(name, FILES)));
      const tops = new Set(entries.map((e) => e.split('/')[0]));
      const root = resolve(workDir, 'unzip-here');
      for (const e of entries) {
        const inside = resolve(root, e).startsWith(root + sep);
        if (!SAFE_ENTRY.test(e) || e.split('/').includes('..') || !inside || tops.size !== 1)
          escaped.push(`${JSON.stringify(name)} -> ${e}`);
      }
    }
    expect(escaped).toEqual([]);
  });

  it('refuses a file path that would leave its folder', () => {
    for (const path of ['../x', '/abs', 'a/../../b', '.hidden', 'a\\b'])
      expect(() => zipExport('ok', { [path]: 'x' }), path).toThrow(/unsafe path/);
  });

  it('writes a hostile base name as one zip inside the export folder', async () => {
    const out = join(workDir, 'out');
    const written = await exportTfjsZip(
      getPreset('shallow')!.graph,
      out,
      '../../escape',
      'inference',
    );
    if (!written.ok) throw new Error(written.error.message);
    expect(readdirSync(out)).toEqual(['escape-tfjs.zip']);
    expect(written.value).toEqual([join(out, 'escape-tfjs.zip')]);
  });
});
