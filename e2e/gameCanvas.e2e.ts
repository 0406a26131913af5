import type { Page } from '@playwright/test';
import { expect, openPreset, screenshot, studioSession, test } from './harness';

// Large enough that the summary drawer stays open beside the canvas.
const studio = studioSession({ width: 1440, height: 900 });
let page: Page;

test.beforeAll(() => {
  page = studio.page;
});

test.describe("a game's players on the canvas and in the summary", () => {
  test('a GAN shows its generator and discriminator as regions and as summary groups with totals', async () => {
    await openPreset(page, 'gan-dense');
    await expect(page.getByTestId('region-generator')).toBeVisible();
    await expect(page.getByTestId('region-discriminator')).toBeVisible();
    expect(await page.getByTestId('region-encoder').count()).toBe(0);
    expect(await page.getByTestId('problems').innerText()).toContain('ready to train');
    const generator = page.getByTestId('summary-group-generator');
    const discriminator = page.getByTestId('summary-group-discriminator');
    await expect(generator.locator('.summary-group')).toContainText('Generator');
    await expect(generator.locator('.summary-group')).toContainText('227,344');
    await expect(discriminator.locator('.summary-group')).toContainText('201,217');
    await screenshot(page, 'game-gan-dense-1440');
  });

  test('an adversarial autoencoder keeps its encoder and decoder and adds the discriminator', async () => {
    await openPreset(page, 'aae');
    for (const role of ['encoder', 'code', 'decoder', 'discriminator'])
      await expect(page.getByTestId(`region-${role}`)).toBeVisible();
    await expect(page.getByTestId('summary-group-autoencoder')).toContainText('435,858');
    await screenshot(page, 'game-aae-1440');
  });

  test('a DCGAN compiles, its players shaded apart', async () => {
    await openPreset(page, 'dcgan');
    await expect(page.getByTestId('region-generator')).toBeVisible();
    await expect(page.getByTestId('summary-group-discriminator')).toContainText('36,769');
    await screenshot(page, 'game-dcgan-1440');
  });
});
