import type { Page } from '@playwright/test';
import { expect, screenshot, studioSession, test } from './harness';

const studio = studioSession({ height: 960 });
let page: Page;

test.beforeAll(() => {
  page = studio.page;
});

const statusText = () => page.getByTestId('run-status').innerText();
const waitForStatus = (pattern: RegExp, timeout = 240_000) =>
  page.waitForFunction(
    (source) =>
      new RegExp(source).test(
        document.querySelector('[data-testid="run-status"]')?.textContent ?? '',
      ),
    pattern.source,
    { timeout },
  );
const trainPoints = () =>
  page.locator('[data-testid="loss-chart"] circle.loss-point.train').count();
const batchPaths = () => page.locator('[data-testid="loss-chart"] .batch-loss').count();

/** Starts the default model on at most 2,000 embedded digits, from the Train tab. */
async function start(epochs: number, batchSize?: number) {
  await page.getByTestId('tab-train').click();
  await page.getByTestId('data-limit').fill('2000');
  await page.getByTestId('train-epochs').fill(String(epochs));
  if (batchSize) await page.getByTestId('train-batch').fill(String(batchSize));
  await page.getByTestId('train-start').click();
}

async function reload() {
  await page.reload();
  await page.waitForSelector('.react-flow__node');
  await page.getByTestId('tab-train').click();
}

/** The heights of the chart's train points in epoch order: a lower loss sits lower (larger y). */
const trainHeights = () =>
  page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="loss-chart"] circle.loss-point.train')]
      .map((c) => ({ x: Number(c.getAttribute('cx')), y: Number(c.getAttribute('cy')) }))
      .sort((a, b) => a.x - b.x)
      .map((p) => p.y),
  );

test.describe('a run survives the page', () => {
  test('after a reload mid-epoch the page shows the same run with its curve, and Stop ends it', async () => {
    await start(400, 16);
    await page.waitForSelector('[data-testid="loss-chart"] circle.loss-point.train', {
      timeout: 120_000,
    });
    await reload();
    // The same run, running: not "Ready to train".
    await page.waitForSelector('[data-testid="loss-chart"] circle.loss-point.train', {
      timeout: 30_000,
    });
    expect(await statusText()).not.toMatch(/Ready to train/);
    expect(await trainPoints()).toBeGreaterThanOrEqual(1);
    expect(await batchPaths()).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('train-stop').isEnabled()).toBe(true);
    expect(await page.getByTestId('train-pause').isEnabled()).toBe(true);
    await screenshot(page, 'runs-reloaded-mid-run');
    // Pause: the status says where the trainer stopped once it has, and a reload keeps it.
    await page.getByTestId('train-pause').click();
    await waitForStatus(
      /^Paused (after batch \d+ of \d+|before the first batch) · epoch \d+ of 400/,
      60_000,
    );
    const paused = await statusText();
    // The progress line names the same batch, and no time left while nothing runs.
    const batch = /after batch (\d+) of (\d+)/.exec(paused);
    const progressLine = await page.getByTestId('train-progress').innerText();
    if (batch) expect(progressLine).toContain(`batch ${batch[1]}/${batch[2]}`);
    expect(progressLine).not.toMatch(/left/);
    await screenshot(page, 'runs-paused');
    await reload();
    await waitForStatus(/^Paused/, 30_000);
    expect(await statusText()).toBe(paused);
    await expect(page.getByTestId('train-pause')).toHaveText(/Resume/);
    await page.getByTestId('train-pause').click();
    await waitForStatus(/^Training · epoch \d+ of 400/, 60_000);
    await page.getByTestId('train-stop').click();
    await waitForStatus(/Stopped/, 60_000);
    expect(await page.getByTestId('train-start').isEnabled()).toBe(true);
    await screenshot(page, 'runs-stopped-after-reload');
  });

  test('after a reload once the run ended, its curve and reconstructions are there', async () => {
    await start(2);
    await waitForStatus(/Completed|Failed|crashed/);
    expect(await statusText()).toMatch(/^Completed/);
    await reload();
    await waitForStatus(/Completed/, 30_000);
    expect(await trainPoints()).toBe(2);
    await page.waitForSelector('[data-testid="recon-grid"][data-epoch="2"]', { timeout: 60_000 });
    await screenshot(page, 'runs-reloaded-after-end');
  });

  test('trains more epochs on the same curve, the loss going on from where it was', async () => {
    await page.getByTestId('train-epochs').fill('2');
    await page.getByTestId('train-epochs').press('Tab');
    await page.getByTestId('train-continue').click();
    await page.waitForFunction(
      () =>
        document.querySelectorAll('[data-testid="loss-chart"] circle.loss-point.train').length >= 4,
      undefined,
      { timeout: 240_000 },
    );
    await waitForStatus(/Completed/);
    const heights = await trainHeights();
    expect(heights).toHaveLength(4);
    // The first new epoch's loss is below the first epoch's: no jump back to an untrained model.
    expect(heights[2]).toBeGreaterThan(heights[0]);
    await screenshot(page, 'runs-continued');
    await reload();
    await waitForStatus(/Completed/, 30_000);
    expect(await trainPoints()).toBe(4);
    await screenshot(page, 'runs-continued-reloaded');
  });
});
