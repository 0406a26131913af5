import type { Page } from '@playwright/test';
import { downloadExport, openExport, utf8 } from './downloads';
import { expect, openPreset, screenshot, studioSession, test, trainBriefly } from './harness';

// What a person hands to someone without the app, after a short training run of the VAE: the
// report (one HTML file), the TikZ diagram, and the two GIFs (the latent walk, the training).
const studio = studioSession({ height: 960 });
let page: Page;

test.beforeAll(() => {
  page = studio.page;
});

/**
 * The frames of a GIF, counted by walking its blocks (test/report/gifReader.ts decodes pictures
 * but lies outside the e2e project): extensions are skipped, image descriptors counted.
 */
function gifFrames(data: Uint8Array): { width: number; height: number; frames: number } {
  expect(Buffer.from(data.subarray(0, 6)).toString('latin1')).toBe('GIF89a');
  const width = data[6] | (data[7] << 8);
  const height = data[8] | (data[9] << 8);
  let at = 13 + (data[10] & 0x80 ? 3 * 2 ** ((data[10] & 7) + 1) : 0);
  const skipSubBlocks = () => {
    while (data[at] !== 0) at += data[at] + 1;
    at += 1;
  };
  let frames = 0;
  while (at < data.length && data[at] !== 0x3b) {
    if (data[at] === 0x21) {
      at += 2;
      skipSubBlocks();
    } else if (data[at] === 0x2c) {
      frames += 1;
      const packed = data[at + 9];
      at += 10 + (packed & 0x80 ? 3 * 2 ** ((packed & 7) + 1) : 0) + 1;
      skipSubBlocks();
    } else throw new Error(`Not a GIF block at byte ${at}: ${data[at]}`);
  }
  return { width, height, frames };
}

test.describe('sharing a trained VAE: report, TikZ and slides that move', () => {
  test('trains the VAE preset for two short epochs', async () => {
    await openPreset(page, 'vae');
    await trainBriefly(page, { epochs: 2, limit: 500 });
  });

  test('offers the report, TikZ and both animations in the Export dialog', async () => {
    await openExport(page);
    const options = await page.getByTestId('export-format').locator('option').allInnerTexts();
    for (const label of [
      'Report (one HTML file)',
      'Diagram (TikZ for LaTeX)',
      'Latent walk (animated GIF)',
      'Training (animated GIF)',
    ])
      expect(options).toContain(label);
    await page.getByTestId('export-format').selectOption('gif-training');
    await expect(page.getByTestId('export-slide-width')).toHaveValue('960');
    await screenshot(page, 'export-dialog-gif-training');
  });

  test('downloads the report as one HTML file that names no web address', async () => {
    const [report] = await downloadExport(page, 'report', 1, 'share');
    expect(report.name).toMatch(/-report\.html$/);
    expect(report.data.length).toBeGreaterThan(0);
    const urls = utf8(report.data).match(/https?:\/\/[^\s"'<>)]+/g) ?? [];
    // SVG's namespaces are names, never fetched.
    expect(urls.filter((u) => !u.startsWith('http://www.w3.org/'))).toEqual([]);
  });

  test('downloads the TikZ diagram as a LaTeX document', async () => {
    const [tex] = await downloadExport(page, 'tikz', 1, 'share');
    expect(tex.name).toMatch(/\.tex$/);
    expect(utf8(tex.data)).toContain('\\begin{tikzpicture}');
  });

  test('downloads the latent walk as an animated GIF', async () => {
    const [walk] = await downloadExport(page, 'gif-walk', 1, 'share');
    expect(walk.name).toMatch(/-latent-walk\.gif$/);
    const gif = gifFrames(walk.data);
    expect(gif).toEqual({ width: 960, height: 540, frames: 24 });
  });

  test('downloads the training as an animated GIF at the chosen slide size, one frame per epoch', async () => {
    await page.getByTestId('export-format').selectOption('gif-training');
    await page.getByTestId('export-slide-width').selectOption('640');
    const [training] = await downloadExport(page, 'gif-training', 1, 'share');
    expect(training.name).toMatch(/-training\.gif$/);
    const gif = gifFrames(training.data);
    expect(gif).toEqual({ width: 640, height: 360, frames: 2 });
    await page.getByTestId('export-close').click();
  });
});
