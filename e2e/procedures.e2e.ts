import type { Page } from '@playwright/test';
import { expect, openPreset as openPresetIn, screenshot, studioSession, test } from './harness';

const studio = studioSession({ height: 960 });
let page: Page;

test.beforeAll(() => {
  page = studio.page;
});

const openPreset = (id: string) => openPresetIn(page, id);

/** Starts the open preset with Epochs set to `epochs` on at most `limit` digits. */
async function start(epochs: number, limit: number) {
  await page.getByTestId('tab-train').click();
  await page.getByTestId('data-limit').fill(String(limit));
  await page.getByTestId('train-epochs').fill(String(epochs));
  await page.getByTestId('train-epochs').press('Tab');
  await page.getByTestId('train-start').click();
}

/** Waits for the run to end. */
async function ended() {
  await page.waitForFunction(
    () =>
      /Completed|Failed|crashed|Stopped/.test(
        document.querySelector('[data-testid="run-status"]')?.textContent ?? '',
      ),
    undefined,
    { timeout: 240_000 },
  );
}

const progressValue = () =>
  page.locator('.run-controls [role="progressbar"]').first().getAttribute('aria-valuenow');

/** The labels of the loss chart's phase segments, in order. */
const phaseLabels = () =>
  page
    .locator('[data-testid="loss-chart"] [data-testid="loss-phase-label"]')
    .evaluateAll((els) => els.map((e) => e.textContent ?? ''));

test.describe('procedures of several phases', () => {
  test('trains the greedy preset one epoch per phase, fills the bar and charts each phase apart', async () => {
    await openPreset('greedy');
    await page.getByTestId('tab-train').click();
    // The field says that the number is per phase, since this design trains in phases.
    expect(
      await page.locator('label', { has: page.getByTestId('train-epochs') }).innerText(),
    ).toMatch(/Epochs \(each phase\)/);
    await start(1, 3000);
    expect(await page.getByTestId('train-epochs-note').innerText()).toBe(
      '3 phases · 3 epochs in all',
    );
    // While the inner pair trains, the status names the phase and its epoch out of its epochs,
    // and the bar stands between the first and the last third.
    await page.waitForFunction(
      () =>
        /^Phase 2 of 3: inner pair — epoch 1 of 1/.test(
          document.querySelector('[data-testid="run-status"]')?.textContent ?? '',
        ),
      undefined,
      { timeout: 120_000, polling: 'raf' },
    );
    const during = Number(await progressValue());
    expect(during).toBeGreaterThanOrEqual(33);
    expect(during).toBeLessThanOrEqual(67);
    await screenshot(page, 'procedures-greedy-phase2');
    await ended();
    const status = await page.getByTestId('run-status').innerText();
    expect(status).toMatch(/^Completed 3 epochs/);
    expect(status).toContain('3 phases × 1 epoch');
    expect(await progressValue()).toBe('100');
    const fill = await page
      .locator('.run-controls .progress-fill')
      .first()
      .evaluate((e) => (e as HTMLElement).style.width);
    expect(fill).toBe('100%');
    expect(await phaseLabels()).toEqual(['outer pair', 'inner pair', 'Fine-tune the whole stack']);
    // One line per phase and measure: the phases' different losses are never joined.
    const trainLines = page.locator('[data-testid="loss-chart"] path.epoch-line.train');
    expect(await trainLines.count()).toBe(3);
    await page.waitForTimeout(400); // the bar's width eases in over 0.3 s
    await screenshot(page, 'procedures-greedy-completed');
  });

  test('trains the classifier-reuse preset one epoch per phase and says so', async () => {
    await openPreset('classifier-reuse');
    await start(1, 600);
    await ended();
    const status = await page.getByTestId('run-status').innerText();
    expect(status).toMatch(/^Completed 3 epochs/);
    expect(status).toContain('3 phases × 1 epoch');
    expect(await progressValue()).toBe('100');
    expect(await phaseLabels()).toEqual([
      'Pretrain the autoencoder',
      'Classifier on the pretrained encoder',
      'Same classifier from scratch',
    ]);
    await screenshot(page, 'procedures-reuse-completed');
  });
});
