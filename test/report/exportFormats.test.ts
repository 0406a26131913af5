import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { exportProject } from '../../src/main/services/export';
import { renderExport } from '../../src/main/services/export/render';
import { commands } from '../../src/shared/contract/commands';
import { getPreset } from '../../src/shared/presets';

const preset = getPreset('shallow')!;

describe('the new export formats', () => {
  it('writes a PNG at a chosen DPI, sized dpi/96 of the SVG and saying its DPI in a pHYs chunk', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dpi-'));
    const at96 = await exportProject(preset.graph, 'png', dir, { dpi: 96, baseName: 'a' });
    const at300 = await exportProject(preset.graph, 'png', dir, { dpi: 300, baseName: 'b' });
    expect(at96.ok && at300.ok).toBe(true);
    if (!at96.ok || !at300.ok) return;
    const small = PNG.sync.read(await readFile(at96.value[0]));
    const bytes = await readFile(at300.value[0]);
    const big = PNG.sync.read(bytes);
    expect(Math.abs(big.width - (small.width * 300) / 96)).toBeLessThanOrEqual(1);
    const at = bytes.indexOf(Buffer.from('pHYs'));
    expect(at).toBeGreaterThan(0);
    expect(bytes.readUInt32BE(at + 4)).toBe(Math.round(300 / 0.0254));
  });

  it('writes the TikZ document and the report, and refuses a latent walk without weights, in words', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'formats-'));
    const tex = await exportProject(preset.graph, 'tikz', dir, { title: 'T & T' });
    expect(tex.ok && tex.value[0].endsWith('.tex')).toBe(true);
    const report = await exportProject(preset.graph, 'report', dir, { title: 'R' }, { runs: [] });
    expect(report.ok && report.value[0].endsWith('-report.html')).toBe(true);
    const walk = await exportProject(preset.graph, 'gif-walk', dir, {});
    expect(walk.ok).toBe(false);
    if (!walk.ok) expect(walk.error.message).toMatch(/Train the model first/);
  });

  it('reads no data file the host has not allowed', async () => {
    const request = commands['export.render'].request.parse({
      graph: preset.graph,
      format: 'report',
      data: { ...preset.data, source: 'file', file: { kind: 'idx', imagesPath: '/etc/passwd' } },
    });
    const made = await renderExport(request, undefined);
    expect(made.ok).toBe(false);
  });
});
