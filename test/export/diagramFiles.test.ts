import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { svgToPdf, svgToPng } from '../../src/main/services/export/diagramFiles';
import { graphToSvg } from '../../src/shared/diagram';
import { getPreset, PRESETS } from '../../src/shared/presets';

const CHROMIUM = '/usr/bin/chromium';
const svgOf = (id: string) => graphToSvg(getPreset(id)!.graph, { title: getPreset(id)!.title });

describe('diagram files', () => {
  it('renders PNG at 2x with twice the pixel size of 1x, and 4x with four times', () => {
    const svg = svgOf('conv-upsampling');
    const sizes = ([1, 2, 4] as const).map((scale) => {
      const png = svgToPng(svg, scale);
      if (!png.ok) throw new Error(png.error.message);
      const image = PNG.sync.read(Buffer.from(png.value));
      return [image.width, image.height];
    });
    expect(sizes[1]).toEqual([sizes[0][0] * 2, sizes[0][1] * 2]);
    expect(sizes[2]).toEqual([sizes[0][0] * 4, sizes[0][1] * 4]);
  });

  it('writes a one-page vector PDF that pdfinfo accepts', async () => {
    const pdf = await svgToPdf(svgOf('vae'));
    if (!pdf.ok) throw new Error(pdf.error.message);
    const file = join(mkdtempSync(join(tmpdir(), 'diagram-pdf-')), 'vae.pdf');
    writeFileSync(file, pdf.value);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/^Pages:\s+1$/m);
    // Vector: the text is in the file as text, not as pixels.
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('ENCODER');
  });

  it('renders every preset in Chromium with a visible box and no console errors', async () => {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      for (const preset of PRESETS) {
        const svg = graphToSvg(preset.graph, { title: preset.title });
        await page.goto(`data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`);
        // A string, so the test needs no DOM types: the page's own SVG box.
        const box = (await page.evaluate(
          '(() => { const b = document.documentElement.getBBox(); return { width: b.width, height: b.height, root: document.documentElement.nodeName }; })()',
        )) as { width: number; height: number; root: string };
        expect(box.root, preset.id).toBe('svg');
        expect(box.width, preset.id).toBeGreaterThan(100);
        expect(box.height, preset.id).toBeGreaterThan(50);
      }
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
