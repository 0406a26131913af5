import type { Page } from '@playwright/test';
import {
  expect,
  openPreset as openPresetIn,
  screenshot,
  showTab,
  studioSession,
  test,
  trainBriefly,
} from './harness';

const studio = studioSession({ height: 960 });
let page: Page;

test.beforeAll(() => {
  page = studio.page;
});

const tab = (name: Parameters<typeof showTab>[1]) => showTab(page, name);

const openPreset = (id: string) => openPresetIn(page, id);

/** Trains the open preset briefly on at most 2,000 digits. */
const trainShortly = (epochs: number, limit = 2000) => trainBriefly(page, { epochs, limit });

/** The red channel of every pixel of a canvas, to compare two drawings. */
const pixels = (testId: string) =>
  page.evaluate((id) => {
    const canvas = document.querySelector(`[data-testid="${id}"]`) as HTMLCanvasElement | null;
    if (!canvas || canvas.width === 0) return [];
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    return Array.from(data.filter((_, i) => i % 4 === 0));
  }, testId);

test.describe('the views that show what the autoencoder learned', () => {
  test('draws the 128 first-layer units of the default preset as 28×28 images', async () => {
    await screenshot(page, 'view-editor');
    await trainShortly(1);
    await screenshot(page, 'view-train');
    await tab('inspect');
    const grid = page.getByTestId('feature-grid');
    await grid.waitFor();
    expect(await grid.getAttribute('data-count')).toBe('128');
    expect(await grid.getAttribute('data-tile')).toBe('28x28');
    // 16 images of 28 pixels a line, a pixel apart.
    expect(await grid.evaluate((c: HTMLCanvasElement) => c.width)).toBe(16 * 29 + 1);
    await screenshot(page, 'view-inspect-default');
  });

  test('shows a sparse code with a lower mean activation than the standard run beside it', async () => {
    // The KL penalty pulls the mean activation towards its target of 0.1 within a few epochs.
    await openPreset('sparse-kl');
    await trainShortly(3);
    await tab('inspect');
    const current = page.getByTestId('codes-current');
    const other = page.getByTestId('codes-other');
    await other.waitFor();
    const sparseMean = Number(await current.getAttribute('data-mean'));
    const standardMean = Number(await other.getAttribute('data-mean'));
    expect(sparseMean).toBeLessThan(standardMean);
    await page.getByRole('region', { name: 'Code values' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'view-inspect-sparse');
  });

  test('shows a denoising model’s digits as original, noisy input and reconstruction', async () => {
    await openPreset('denoising-gaussian');
    await trainShortly(1);
    await tab('inspect');
    const board = page.getByTestId('recon-board');
    await board.waitFor();
    expect(await board.getAttribute('data-rows')).toBe('3');
    expect(await page.locator('.recon-row-names span').allInnerTexts()).toEqual([
      'Original',
      'Noisy input',
      'Reconstruction',
    ]);
    await screenshot(page, 'view-inspect-denoising');
  });

  test('trains the 2-D latent preset on 1, 5 and 6: scatter, loss per epoch, grid and dragging', async () => {
    await openPreset('latent2d');
    await trainShortly(2);
    expect(await page.locator('[data-testid="loss-chart"] circle.loss-point.train').count()).toBe(
      2,
    );
    expect(await page.locator('[data-testid="loss-chart"] circle.loss-point.val').count()).toBe(2);
    await screenshot(page, 'view-train-latent2d');

    await tab('inspect');
    const scatter = page.getByTestId('latent-scatter');
    await scatter.waitFor();
    expect(await scatter.getAttribute('data-labels')).toBe('1,5,6');
    expect(Number(await scatter.getAttribute('data-points'))).toBeGreaterThan(100);
    expect(
      await page.locator('[data-testid="scatter-legend"]').first().locator('.legend-item').count(),
    ).toBe(3);
    // The three label colours are really on the canvas.
    const colours = await page.evaluate(() => {
      const canvas = document.querySelector('[data-testid="latent-scatter"]') as HTMLCanvasElement;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      const hues = new Set<string>();
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
        if (Math.max(r, g, b) - Math.min(r, g, b) < 40) continue; // background, axes, text
        hues.add(`${r >> 5},${g >> 5},${b >> 5}`);
      }
      return hues.size;
    });
    expect(colours).toBeGreaterThanOrEqual(3);
    const box = await scatter.boundingBox();
    await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
    await screenshot(page, 'view-inspect-latent2d');

    await tab('generate');
    const grid = page.getByTestId('latent-grid');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="latent-grid"]')?.getAttribute('data-tiles') === '400',
      undefined,
      { timeout: 30_000 },
    );
    expect(await grid.getAttribute('data-tiles')).toBe('400');

    const plane = page.getByTestId('latent-plane');
    await page.waitForFunction(
      () =>
        Number(
          document.querySelector('[data-testid="decoded-image"]')?.getAttribute('data-decoded') ??
            0,
        ) > 0,
    );
    const before = await pixels('decoded-image');
    const area = (await plane.boundingBox())!;
    await page.mouse.move(area.x + area.width * 0.15, area.y + area.height * 0.2);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++)
      await page.mouse.move(
        area.x + area.width * (0.15 + 0.07 * i),
        area.y + area.height * (0.2 + 0.06 * i),
      );
    await page.mouse.up();
    await page.waitForFunction(() => {
      const point =
        document.querySelector('[data-testid="decoded-image"]')?.getAttribute('data-point') ?? '';
      return point !== '' && !point.startsWith('NaN');
    });
    await page.waitForTimeout(300);
    const after = await pixels('decoded-image');
    expect(after.length).toBe(before.length);
    expect(after.some((v, i) => v !== before[i])).toBe(true);
    await screenshot(page, 'view-generate');
  });
});
