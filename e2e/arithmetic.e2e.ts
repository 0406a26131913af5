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

/** Adds "all <label>s" to the sum with a sign. */
async function byLabel(label: number, sign: 'add' | 'sub') {
  await page.getByTestId('arith-label').selectOption(String(label));
  await page.getByTestId(`arith-${sign}-label`).click();
}

test.describe('latent arithmetic and the decoder as a generator', () => {
  test('decodes mean of 1s + (mean of 7s − mean of 1s) step by step, with noise around the result', async () => {
    await openPreset(page, 'vae');
    await trainBriefly(page, { epochs: 2, limit: 2000 });
    await showTab(page, 'lab');
    const panel = page.getByTestId('lab-arithmetic');
    await panel.scrollIntoViewIfNeeded();
    await expect(page.getByTestId('arith-origin')).toContainText('Decoded by');
    await byLabel(1, 'add');
    await byLabel(7, 'add');
    await byLabel(1, 'sub');
    const rows = page.getByTestId('arith-rows');
    await expect(rows).toHaveAttribute('data-steps', '3');
    await expect(rows).toHaveAttribute('data-sum', '1s + 7s − 1s');
    await expect(page.getByTestId('arith-steps')).toBeVisible();
    await expect(page.getByTestId('arith-noise')).toBeVisible();
    await page.getByTestId('arith-steps').scrollIntoViewIfNeeded();
    await screenshot(page, 'arithmetic-lab');
  });

  test('turns the trained decoder into a GAN design with a Prior and an Adversary on the canvas', async () => {
    await showTab(page, 'editor');
    await page.getByTestId('ae-actions').click();
    await page.getByTestId('action-decoder-generator').click();
    await expect(page.getByTestId('generator-note')).toContainText('Made a GAN from the decoder');
    const node = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
    await expect(node('prior')).toBeVisible();
    await expect(node('adversary')).toBeVisible();
    await expect(node('dec1')).toBeVisible();
    await expect(node('sampling')).toHaveCount(0);
    await page.waitForTimeout(400);
    await screenshot(page, 'arithmetic-decoder-generator');
  });
});
