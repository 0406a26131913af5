import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { downloadExport, openExport, utf8, zipEntries } from './downloads';
import { browserModeOnly, expect, screenshot, studioSession, test } from './harness';

const studio = studioSession();
let page: Page;
/** The file name base the browser gives the project's files ("Default-autoencoder-…"). */
let base = '';

test.beforeAll(() => {
  page = studio.page;
});

/** Opens a saved file in a page of its own and photographs it, for people to look at (browser mode). */
async function photograph(path: string, name: string): Promise<void> {
  if (!studio.served) return; // the Electron shell opens no second page
  const viewer = await studio.context.newPage();
  await viewer.goto(pathToFileURL(path).href);
  await screenshot(viewer, name);
  await viewer.close();
}

/** The size the app's page decodes an image file to: it draws, or this throws. */
const decodedSize = (data: Buffer, type: string) =>
  page.evaluate(
    async ({ bytes, type }) => {
      const image = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type }));
      return { width: image.width, height: image.height };
    },
    { bytes: [...data], type },
  );

test.describe('exporting the diagram', () => {
  test('downloads the default design as an SVG and a 2x PNG that browsers draw', async () => {
    await openExport(page);
    const preview = page.getByTestId('export-preview');
    await expect
      .poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(100);
    await screenshot(page, 'export-dialog');

    const [svg] = await downloadExport(page, 'svg', 1);
    expect(svg.name).toMatch(/^[\w.-]+\.svg$/);
    base = svg.name.replace(/\.svg$/, '');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: doc.documentElement.nodeName,
        width: Number(doc.documentElement.getAttribute('width')),
      };
    }, utf8(svg.data));
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('svg');
    expect(parsed.width).toBeGreaterThan(100);
    await photograph(svg.path, 'export-svg');

    const [png] = await downloadExport(page, 'png-2', 1);
    // The host names its files as the browser does.
    expect(png.name).toBe(`${base}@2x.png`);
    expect(png.data.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect((await decodedSize(png.data, 'image/png')).width).toBe(2 * parsed.width);
    await photograph(png.path, 'export-png');
  });

  test.describe('the clipboard', () => {
    browserModeOnly('the permission is granted to the tokenized origin');
    test('copies the picture to the clipboard as a PNG', async () => {
      await studio.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
        origin: studio.served!.origin,
      });
      await openExport(page);
      await page.getByTestId('export-format').selectOption('svg');
      await page.getByTestId('export-copy').click();
      await expect(page.getByTestId('export-status')).toContainText('Copied');
      const types = await page.evaluate(async () =>
        (await navigator.clipboard.read()).flatMap((item) => item.types),
      );
      expect(types).toContain('image/png');
    });
  });

  test('downloads the TensorFlow.js model as one zip whose model imports again', async () => {
    await openExport(page);
    await page.getByTestId('export-format').selectOption('tfjs');
    await expect(page.getByTestId('export-tfjs-note')).toContainText('Downloads one zip');
    // Nothing trained yet: the note says the weights are fresh.
    await expect(page.getByTestId('export-weights-note')).toContainText('untrained');
    const [zip] = await downloadExport(page, 'tfjs', 1);
    expect(zip.name).toBe(`${base}-tfjs.zip`);
    const top = `${base}-tfjs`;
    const entries = zipEntries(zip.data);
    const names = Object.keys(entries).filter((n) => !n.endsWith('/'));
    for (const part of ['model', 'encoder', 'decoder'])
      expect(names).toContain(`${top}/${part}/model.json`);
    expect(names).toContain(`${top}/README.md`);
    expect(names.some((n) => n.startsWith(`${top}/design/`))).toBe(true);
    // Every path stays inside the one top folder.
    expect(names.every((n) => n.startsWith(`${top}/`) && !n.includes('..'))).toBe(true);
    await screenshot(page, 'export-dialog-tfjs');
    await page.getByTestId('export-close').click();

    // The whole model with its weights opens again through Import model.
    const dir = mkdtempSync(join(tmpdir(), 'studio-tfjs-'));
    const modelPath = `${top}/model/model.json`;
    const manifest = JSON.parse(utf8(entries[modelPath])) as {
      weightsManifest: { paths: string[] }[];
    };
    const files = [modelPath, ...manifest.weightsManifest.flatMap((g) => g.paths)].map((p, i) => {
      const entry = i === 0 ? p : `${dirname(modelPath)}/${p}`;
      expect(Object.keys(entries)).toContain(entry);
      const out = join(dir, entry.split('/').pop()!);
      writeFileSync(out, entries[entry]);
      return out;
    });
    await page.getByTestId('import-model').setInputFiles(files);
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(6);
    expect(await page.getByTestId('import-error').count()).toBe(0);
  });

  test('previews the Keras script before it is downloaded', async () => {
    await openExport(page);
    await page.getByTestId('export-format').selectOption('keras');
    expect(await page.getByTestId('export-text-preview').innerText()).toContain('keras');
    await screenshot(page, 'export-dialog-keras');
  });

  test('redraws the preview live as the picture options change', async () => {
    await openExport(page);
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

test.describe('importing a model', () => {
  test('shows the message for a model.json with an unknown layer and keeps the design', async () => {
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
