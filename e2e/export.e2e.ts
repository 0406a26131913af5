import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Download, Page } from 'playwright-core';
import { type Served, outputDir, screenshot, studioSession } from './harness';

const studio = studioSession({ acceptDownloads: true });
let page: Page;
let served: Served;
let context: BrowserContext;

beforeAll(() => {
  page = studio.page;
  served = studio.served;
  context = studio.context;
});

/** Chooses a format in the open dialog, downloads it and saves the file into e2e/output. */
async function download(format: string, saveAs: string): Promise<string> {
  await page.getByTestId('export-format').selectOption(format);
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-download').click(),
  ]);
  const path = join(outputDir, saveAs);
  await file.saveAs(path);
  return path;
}

/** Opens a saved file in a page of its own and photographs it as the browser draws it. */
async function photograph(path: string, name: string): Promise<Page> {
  const viewer = await context.newPage();
  await viewer.goto(pathToFileURL(path).href);
  await screenshot(viewer, name);
  return viewer;
}

describe('exporting the diagram', () => {
  it('downloads the default design as an SVG and a 2x PNG that browsers draw', async () => {
    await page.getByTestId('export-open').click();
    const preview = page.getByTestId('export-preview');
    await expect
      .poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(100);
    await screenshot(page, 'export-dialog');

    const svgPath = await download('svg', 'export-default.svg');
    const svgText = readFileSync(svgPath, 'utf8');
    const svgViewer = await photograph(svgPath, 'export-svg');
    const parsed = await svgViewer.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: doc.documentElement.nodeName,
        width: Number(doc.documentElement.getAttribute('width')),
      };
    }, svgText);
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('svg');
    expect(parsed.width).toBeGreaterThan(100);

    const pngPath = await download('png-2', 'export-default@2x.png');
    expect(readFileSync(pngPath).subarray(1, 4).toString('latin1')).toBe('PNG');
    const pngViewer = await photograph(pngPath, 'export-png');
    const pngWidth = await pngViewer.evaluate(
      () => document.querySelector('img')?.naturalWidth ?? 0,
    );
    expect(pngWidth).toBe(2 * parsed.width);
    await svgViewer.close();
    await pngViewer.close();
    await expect.poll(() => page.getByTestId('export-status').innerText()).toContain('Downloaded');
  });

  it('copies the picture to the clipboard as a PNG', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: served.origin,
    });
    if ((await page.getByTestId('export-dialog').count()) === 0)
      await page.getByTestId('export-open').click();
    await page.getByTestId('export-format').selectOption('svg');
    await page.getByTestId('export-copy').click();
    await expect.poll(() => page.getByTestId('export-status').innerText()).toContain('Copied');
    const types = await page.evaluate(async () =>
      (await navigator.clipboard.read()).flatMap((item) => item.types),
    );
    expect(types).toContain('image/png');
  });

  it('downloads the TensorFlow.js model as uniquely named files that import again', async () => {
    if ((await page.getByTestId('export-dialog').count()) === 0)
      await page.getByTestId('export-open').click();
    await page.getByTestId('export-format').selectOption('tfjs');
    const dir = mkdtempSync(join(tmpdir(), 'studio-tfjs-'));
    const saved: Promise<string>[] = [];
    const listener = (d: Download) => {
      const path = join(dir, d.suggestedFilename());
      saved.push(d.saveAs(path).then(() => path));
    };
    page.on('download', listener);
    await page.getByTestId('export-download').click();
    await expect
      .poll(() => page.getByTestId('export-status').innerText(), { timeout: 60_000 })
      .toMatch(/Downloaded|E_/);
    expect(await page.getByTestId('export-status').innerText()).toContain('Downloaded');
    await expect.poll(() => saved.length).toBeGreaterThanOrEqual(3);
    page.off('download', listener);
    const paths = await Promise.all(saved);
    const names = paths.map((p) => basename(p));
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('model.json');
    expect(names).toContain('README.md');
    await screenshot(page, 'export-dialog-tfjs');
    await page.getByTestId('export-close').click();

    // The whole model with its weights opens again through Import model.
    if ((await page.getByTestId('import-model').count()) === 0) return;
    const manifest = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as {
      weightsManifest: { paths: string[] }[];
    };
    const weightFiles = manifest.weightsManifest.flatMap((g) => g.paths.map((p) => join(dir, p)));
    await page.getByTestId('import-model').setInputFiles([join(dir, 'model.json'), ...weightFiles]);
    await page.waitForTimeout(500);
    expect(await page.getByTestId('import-error').count()).toBe(0);
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(6);
  });

  it('previews the Keras script before it is downloaded', async () => {
    if ((await page.getByTestId('export-dialog').count()) === 0)
      await page.getByTestId('export-open').click();
    await page.getByTestId('export-format').selectOption('keras');
    expect(await page.getByTestId('export-text-preview').innerText()).toContain('keras');
    await screenshot(page, 'export-dialog-keras');
  });

  it('redraws the preview live as the picture options change', async () => {
    if ((await page.getByTestId('export-dialog').count()) === 0)
      await page.getByTestId('export-open').click();
    await page.getByTestId('export-format').selectOption('svg');
    const src = () => page.getByTestId('export-preview').getAttribute('src');
    const before = await src();
    await page.getByTestId('export-theme').selectOption('dark');
    await page.getByTestId('export-direction').selectOption('TB');
    await page.getByTestId('export-palette').selectOption('colorblind');
    await page.getByLabel('Hide', { exact: false }).first().check();
    const after = await src();
    expect(after).not.toBe(before);
    expect(decodeURIComponent(after ?? '')).toContain('<svg');
    await screenshot(page, 'export-dialog-options');
    await page.getByTestId('export-close').click();
    await page.getByTestId('export-dialog').waitFor({ state: 'detached' });
  });
});

describe('importing a model', () => {
  it('shows the message for a model.json with an unknown layer and keeps the design', async () => {
    const nodesBefore = await page.locator('.react-flow__node').count();
    const dir = mkdtempSync(join(tmpdir(), 'studio-import-'));
    const model = join(dir, 'model.json');
    writeFileSync(
      model,
      JSON.stringify({
        format: 'layers-model',
        modelTopology: {
          class_name: 'Sequential',
          config: {
            name: 'sequence_autoencoder',
            layers: [
              {
                class_name: 'Dense',
                config: { name: 'dense', batch_input_shape: [null, 8], units: 4 },
              },
              { class_name: 'LSTM', config: { name: 'lstm_1', units: 4 } },
            ],
          },
        },
        weightsManifest: [],
      }),
    );
    await page.getByTestId('import-model').setInputFiles(model);
    const error = page.getByTestId('import-error');
    await error.waitFor();
    expect(await error.innerText()).toContain("LSTM 'lstm_1'");
    expect(await page.locator('.react-flow__node').count()).toBe(nodesBefore);
    await screenshot(page, 'import-unknown-layer');
  });
});
