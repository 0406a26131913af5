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

const train = (change: { epochs?: number; limit?: number } = {}) => trainBriefly(page, change);

test.describe('the Generate view of a variational autoencoder', () => {
  test('names the digits by colour, interpolates between two different digits and shows their tiles', async () => {
    await openPreset('vae');
    await train({ epochs: 2, limit: 2000 });
    // The KL term has its own small chart under the loss, not a flat line on the total's axis.
    const kl = page.locator('[data-testid="terms-chart"] path.term-line');
    expect(await kl.count()).toBe(1);
    expect(await page.locator('[data-testid="loss-chart"] path.term-line').count()).toBe(0);
    await screenshot(page, 'generate-train-terms');

    await tab('generate');
    const legend = page.getByTestId('plane-legend');
    await legend.waitFor();
    expect(await legend.locator('.legend-item').allInnerTexts()).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
    ]);

    const chosen = page.getByTestId('interpolate-chosen');
    await page.getByTestId('interpolation').waitFor();
    expect(await chosen.count()).toBe(2);
    const digits = await chosen.evaluateAll((els) => els.map((e) => e.getAttribute('data-digit')));
    expect(digits[0]).not.toBe(digits[1]);
    const hint = await page
      .locator('.panel', { has: page.getByTestId('interpolation') })
      .innerText();
    expect(hint).toContain(`From a${digits[0] === '8' ? 'n' : ''} ${digits[0]} to a`);
    expect(hint).not.toMatch(/now: \d+ and \d+/);
    const boxes = await chosen.evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return [r.x, r.y, r.width];
      }),
    );
    expect(boxes[0]).not.toEqual(boxes[1]);
    expect(boxes[0][2]).toBeGreaterThan(20);

    // Choosing another digit moves the first highlight onto it and names it.
    await page.getByTestId('interpolate-choices').scrollIntoViewIfNeeded();
    const strip = (await page.getByTestId('interpolate-choices').boundingBox())!;
    await page.mouse.click(strip.x + strip.width * (5.5 / 12), strip.y + 10);
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="interpolate-chosen"]')?.getAttribute('data-index') ===
        '5',
    );

    // An 8-value code: the 6 held values each get a slider, none hides behind More values.
    expect(await page.getByTestId('held-sliders').locator('input[type="range"]').count()).toBe(6);
    expect(await page.getByTestId('more-values').count()).toBe(0);
    await screenshot(page, 'generate-vae-brief');
  });
});

test.describe('the Generate view of a plain autoencoder', () => {
  test('gives sliders to the 8 code values that vary most and keeps the rest behind More values', async () => {
    await openPreset('default');
    await train({ epochs: 1, limit: 1000 });
    await tab('generate');
    await page.getByTestId('held-sliders').waitFor();
    expect(
      await page.getByTestId('held-sliders').locator('input[type="range"]').count(),
    ).toBeLessThanOrEqual(8);
    const more = page.getByTestId('more-values');
    expect(await more.locator('summary').innerText()).toMatch(/^More values \(\d+\)$/);
    await screenshot(page, 'generate-default-sliders');
  });
});
