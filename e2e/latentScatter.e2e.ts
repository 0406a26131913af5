import type { Page } from '@playwright/test';
import {
  expect,
  openPreset,
  screenshot,
  showTab,
  studioSession,
  test,
  trainBriefly,
} from './harness';

// Issue 15, the scatter: thumbnails on the points, lasso selection to a strip of images, the
// hand-over to interpolation, and t-SNE of the codes beside t-SNE of the pixels.
const studio = studioSession({ height: 1000 });
let page: Page;

test.beforeAll(() => {
  page = studio.page;
});

const train = (epochs: number, limit: number) => trainBriefly(page, { epochs, limit });

/**
 * Where the orange dots (label 1) lie on the scatter, in CSS pixels of the canvas: their median
 * and the spread of their middle half. Read from the drawn pixels, as a person finds a cluster.
 */
const orangeCluster = () =>
  page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="latent-scatter"]') as HTMLCanvasElement;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
      if (r > 120 && g < r * 0.8 && g > r * 0.35 && b < r * 0.4) {
        xs.push((i / 4) % canvas.width);
        ys.push(Math.floor(i / 4 / canvas.width));
      }
    }
    const scale = canvas.width / canvas.getBoundingClientRect().width;
    const q = (v: number[], p: number) =>
      [...v].sort((a, b) => a - b)[Math.floor(p * (v.length - 1))];
    return {
      found: xs.length,
      x: q(xs, 0.5) / scale,
      y: q(ys, 0.5) / scale,
      spread: Math.max(q(xs, 0.75) - q(xs, 0.25), q(ys, 0.75) - q(ys, 0.25)) / scale,
    };
  });

test.describe('the latent scatter of the 2-D latent preset', () => {
  test('draws thumbnails on the points, lassoes a cluster into a strip of its images, and hands it to interpolation', async () => {
    await openPreset(page, 'latent2d');
    await train(2, 2000);
    await showTab(page, 'inspect');
    const scatter = page.getByTestId('latent-scatter');
    await scatter.waitFor();
    expect(await scatter.getAttribute('data-labels')).toBe('1,5,6');

    const cluster = await orangeCluster();
    expect(cluster.found).toBeGreaterThan(20);

    // A lasso: an octagon around the middle of the 1s, drawn with the mouse.
    await page.getByTestId('scatter-tool-lasso').click();
    const box = (await scatter.boundingBox())!;
    const r = Math.max(10, cluster.spread * 0.5);
    const corners = Array.from({ length: 9 }, (_, k) => {
      const a = (k * Math.PI * 2) / 8;
      return [box.x + cluster.x + r * Math.cos(a), box.y + cluster.y + r * Math.sin(a)];
    });
    await page.mouse.move(corners[0][0], corners[0][1]);
    await page.mouse.down();
    for (const [x, y] of corners.slice(1)) await page.mouse.move(x, y, { steps: 4 });
    await page.mouse.up();

    const strip = page.getByTestId('selection-strip');
    await strip.waitFor();
    const selected = Number(await scatter.getAttribute('data-selected'));
    expect(selected).toBeGreaterThan(3);
    const labels = (await page.getByTestId('selection-labels').getAttribute('data-labels'))!
      .split(',')
      .map(Number);
    expect(labels.length).toBe(selected);
    // The lasso went round the orange cluster: most of what it caught are 1s.
    expect(labels.filter((l) => l === 1).length / labels.length).toBeGreaterThan(0.6);
    expect(Number(await page.getByTestId('selection-images').getAttribute('data-count'))).toBe(
      Math.min(48, selected),
    );
    await strip.scrollIntoViewIfNeeded();
    await screenshot(page, 'latent-scatter-lasso');
    await scatter.scrollIntoViewIfNeeded();

    // Thumbnails of the originals on the points, then zoomed in with the wheel.
    await page.getByTestId('scatter-thumbs').selectOption('originals');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="latent-scatter"]')?.getAttribute('data-thumbs') ===
        'on',
    );
    const moved = (await scatter.boundingBox())!;
    await page.mouse.move(moved.x + cluster.x, moved.y + cluster.y);
    await page.mouse.wheel(0, -600);
    await page.waitForFunction(
      () =>
        Number(
          document.querySelector('[data-testid="latent-scatter"]')?.getAttribute('data-zoom'),
        ) > 1.5,
    );
    await screenshot(page, 'latent-scatter-thumbs');

    // The selection becomes the start of an interpolation in Generate.
    await page.getByTestId('use-as-start').click();
    const handed = page.getByTestId('interpolation-handed');
    await handed.waitFor();
    expect(await handed.innerText()).toContain(`From ${selected} selected`);
    await page.getByTestId('interpolation').waitFor();
    await screenshot(page, 'latent-scatter-interpolate');
  });
});

test.describe('t-SNE beside PCA, codes beside pixels', () => {
  test('lays out the codes and the pixels by t-SNE, with progress, side by side', async () => {
    await openPreset(page, 'default');
    await train(1, 1000);
    await showTab(page, 'inspect');
    await page.getByTestId('latent-scatter').waitFor();
    await screenshot(page, 'latent-pca-pair');
    await page.getByTestId('projection').selectOption('tsne');
    await page.getByTestId('projection-scaling').selectOption('standardize');
    // Progress shows while the worker runs, then both planes are t-SNE layouts.
    await page.waitForFunction(
      () =>
        /t-SNE/.test(document.querySelector('[data-testid="latent-panel"]')?.textContent ?? '') &&
        document
          .querySelector('[data-testid="latent-scatter"]')
          ?.getAttribute('aria-label')
          ?.includes('t-SNE 1'),
      undefined,
      { timeout: 60_000 },
    );
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="projection-progress"]')?.getAttribute('data-busy') ===
          'false' &&
        (
          document.querySelector('[data-testid="pca-scatter"]')?.getAttribute('aria-label') ?? ''
        ).includes('t-SNE 1'),
      undefined,
      { timeout: 120_000 },
    );
    expect(await page.getByTestId('pixels-panel').locator('h2').textContent()).toContain('t-SNE');
    await page.getByTestId('latent-panel').scrollIntoViewIfNeeded();
    await screenshot(page, 'latent-tsne-pair');
  });
});
