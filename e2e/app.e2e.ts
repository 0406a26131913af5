import type { Page } from '@playwright/test';
import { browserModeOnly, expect, screenshot, studioSession, test } from './harness';
import { existsSync } from 'node:fs';

const OPENBLAS = [
  '/usr/lib/x86_64-linux-gnu/libopenblas.so.0',
  '/usr/lib/aarch64-linux-gnu/libopenblas.so.0',
];

const studio = studioSession();
let page: Page;

test.beforeAll(() => {
  page = studio.page;
});

test.describe('the first slice', () => {
  test('loads with the default autoencoder: 6 nodes with their shapes and parameter counts', async () => {
    await page.waitForSelector('.react-flow__node');
    expect(await page.locator('.react-flow__node').count()).toBe(6);
    const shapes = await page.locator('[data-testid="node-shape"]').allInnerTexts();
    expect(shapes.join(' ')).toContain('784');
    expect(shapes.join(' ')).toContain('128');
    expect(shapes.join(' ')).toContain('32');
    const params = await page.locator('[data-testid="node-params"]').allInnerTexts();
    expect(params.join(' ')).toContain('100,480');
    expect(await page.getByTestId('total-params').innerText()).toContain('209,968');
    await screenshot(page, 'editor-default');
  });

  test('trains one epoch: loss points are drawn and reconstructions shown', async () => {
    await page.getByTestId('train-epochs').fill('1');
    await page.getByTestId('train-start').click();
    await page.waitForSelector('[data-testid="loss-chart"] .batch-loss', { timeout: 120_000 });
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="run-status"]')?.textContent?.includes('Completed'),
      undefined,
      { timeout: 240_000 },
    );
    expect(await page.locator('[data-testid="loss-chart"] circle.loss-point.train').count()).toBe(
      1,
    );
    expect(await page.locator('[data-testid="loss-chart"] circle.loss-point.val').count()).toBe(1);
    const grid = page.getByTestId('recon-grid');
    expect(await grid.getAttribute('data-epoch')).toBe('1');
    // The reconstruction canvas has ink on it: not a blank placeholder.
    const inked = await page.evaluate(() => {
      const canvas = document.querySelector(
        '[data-testid="recon-grid"] canvas, canvas[data-testid="recon-grid"]',
      );
      if (!(canvas instanceof HTMLCanvasElement)) return 0;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      const levels = new Set<number>();
      for (let i = 0; i < data.length; i += 4) levels.add(data[i]);
      return levels.size;
    });
    expect(inked).toBeGreaterThan(10);
    expect(await page.getByTestId('backend').innerText()).toMatch(/wasm|cpu|tensorflow/i);
    // Where OpenBLAS is installed (.ci/run installs it and builds the native addon) the badge names
    // the library the products run on.
    if (OPENBLAS.some((file) => existsSync(file)))
      await expect(page.getByTestId('backend-blas')).toHaveText('OpenBLAS');
    // The whole badge fits in the top bar at 1440 px (it once ran off the window's edge).
    await expect(page.getByTestId('backend')).toBeInViewport({ ratio: 1 });
    // So do the run buttons in the Train panel (they wrap instead of running off its edge).
    await expect(page.getByTestId('train-stop')).toBeInViewport({ ratio: 1 });
    await screenshot(page, 'trained-one-epoch');
  });

  test.describe('in browser mode', () => {
    browserModeOnly('the Electron shell serves nothing over HTTP');
    test('refuses a request without the start token', async () => {
      const served = studio.served!;
      const response = await fetch(`${served.origin}/`);
      expect(response.status).toBe(403);
      // A page of another browser context: no cookie or storage of the tokenized page.
      const other = await studio.context.browser()!.newPage();
      const res = await other.goto(`${served.origin}/index.html`);
      expect(res?.status()).toBe(403);
      await other.close();
    });
  });
});
