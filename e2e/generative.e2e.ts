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

const studio = studioSession({ height: 1100 });
let page: Page;

test.beforeAll(() => {
  page = studio.page;
});

test.describe('the generative views of the Lab', () => {
  test('walks the denoising chain frame by frame, saying which run the frames came from', async () => {
    await openPreset(page, 'denoising-chain');
    await trainBriefly(page, { epochs: 3, limit: 3000 });
    await showTab(page, 'lab');
    const panel = page.getByTestId('chain-walk');
    await panel.scrollIntoViewIfNeeded();
    await page.getByTestId('chain-walk-go').click();
    const strip = page.getByTestId('chain-strip');
    await expect(strip.locator('li')).toHaveCount(21, { timeout: 30_000 });
    await expect(page.getByTestId('chain-source')).toContainText('from noise');
    await expect(page.getByTestId('chain-source')).toContainText('Run ');
    // Its output is a probability per pixel: each step draws the next picture from it.
    await expect(page.getByTestId('chain-source')).toContainText(
      'each step draws every pixel on or off with the probability it rebuilt',
    );
    await expect(page.getByTestId('chain-step')).toHaveText('step 0 of 20');
    await panel.getByRole('button', { name: 'Step forward' }).click();
    await expect(page.getByTestId('chain-step')).toHaveText('step 1 of 20');
    await strip.locator('li').nth(20).locator('button').click();
    await expect(page.getByTestId('chain-step')).toHaveText('step 20 of 20');
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'generative-chain-walk');
  });

  test('shows which units of a winner-take-all code win, beside their features', async () => {
    await openPreset(page, 'wta');
    await trainBriefly(page, { epochs: 3, limit: 3000 });
    await showTab(page, 'lab');
    const panel = page.getByTestId('winners');
    await panel.scrollIntoViewIfNeeded();
    await expect(page.getByTestId('winners-words')).toContainText('256 units', {
      timeout: 30_000,
    });
    await expect(page.getByTestId('winners-grid').locator('li')).toHaveCount(48);
    await expect(page.getByTestId('chain-walk')).toHaveCount(0);
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'generative-winners');
  });
});
