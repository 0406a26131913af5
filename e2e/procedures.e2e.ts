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

/**
 * From now on, keeps every text the run status shows with the progress bar's value at that moment:
 * a MutationObserver sees each change the page draws, however briefly it stays.
 */
const recordStatuses = () =>
  page.evaluate(() => {
    const log: { text: string; progress: number }[] = [];
    (window as unknown as { shownStatuses: typeof log }).shownStatuses = log;
    const note = () => {
      const text = document.querySelector('[data-testid="run-status"]')?.textContent ?? '';
      const progress = Number(
        document
          .querySelector('.run-controls [role="progressbar"]')
          ?.getAttribute('aria-valuenow') ?? NaN,
      );
      const last = log.at(-1);
      if (!last || last.text !== text || last.progress !== progress) log.push({ text, progress });
    };
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['aria-valuenow'],
    });
  });

/** What `recordStatuses` kept. */
const shownStatuses = () =>
  page.evaluate(
    () =>
      (window as unknown as { shownStatuses: { text: string; progress: number }[] }).shownStatuses,
  );

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
    await recordStatuses();
    await start(1, 3000);
    expect(await page.getByTestId('train-epochs-note').innerText()).toBe(
      '3 phases · 3 epochs in all',
    );
    await ended();
    const status = await page.getByTestId('run-status').innerText();
    expect(status).toMatch(/^Completed 3 epochs/);
    expect(status).toContain('3 phases × 1 epoch');
    expect(await progressValue()).toBe('100');
    // While the inner pair trained, the status named the phase and its epoch out of its epochs,
    // and the bar stood between the first and the last third. (Read from what the page showed
    // during the run: the phase lasts a fraction of a second here, too short to look at it then.)
    const shown = await shownStatuses();
    const phase2 = shown.filter((s) => /^Phase 2 of 3: inner pair — epoch 1 of 1/.test(s.text));
    expect(phase2.length, shown.map((s) => s.text).join('\n')).toBeGreaterThan(0);
    for (const { progress } of phase2) {
      expect(progress).toBeGreaterThanOrEqual(33);
      expect(progress).toBeLessThanOrEqual(67);
    }
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
