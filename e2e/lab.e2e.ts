import type { Page } from '@playwright/test';
import { expect, openPreset, screenshot, studioSession, test, trainBriefly } from './harness';

const studio = studioSession({ height: 1000 });
let page: Page;

test.beforeAll(() => {
  page = studio.page;
});

const train = (epochs: number, limit: number) => trainBriefly(page, { epochs, limit });

/** Draws a zero on the pad with the mouse: an upright oval round the pad's centre. */
async function drawZero() {
  const pad = (await page.getByTestId('lab-pad').boundingBox())!;
  const cell = pad.width / 28;
  const at = (t: number): [number, number] => [
    pad.x + (14 + 5 * Math.cos(t)) * cell,
    pad.y + (14 + 7.5 * Math.sin(t)) * cell,
  ];
  await page.mouse.move(...at(0));
  await page.mouse.down();
  for (let i = 1; i <= 48; i++) await page.mouse.move(...at((i / 48) * 2 * Math.PI + 0.2));
  await page.mouse.up();
}

test.describe('the Lab', () => {
  test('says what to do before a model is trained', async () => {
    await page.getByTestId('tab-lab').click();
    await expect(page.getByTestId('lab-empty')).toBeVisible();
  });

  test('encodes a drawn digit onto the plane with its variance and rebuilds a picture that resembles it', async () => {
    await openPreset(page, 'vae');
    await train(3, 2000);
    await page.getByTestId('tab-lab').click();
    await page.getByTestId('lab-pad').waitFor();
    await drawZero();

    const plane = page.getByTestId('lab-plane');
    await expect(plane).not.toHaveAttribute('data-drawn', '');
    await expect(page.getByTestId('lab-drawn-point')).toBeVisible();
    await expect(plane).toHaveAttribute('data-inside', 'true');
    // A variational model: the point carries its variance as an ellipse.
    await expect(page.getByTestId('lab-ellipse')).toBeVisible();
    const recon = page.getByTestId('lab-recon');
    await expect(recon).not.toHaveAttribute('data-likeness', '');
    const likeness = Number(await recon.getAttribute('data-likeness'));
    expect(likeness).toBeGreaterThan(0.5);
    await expect(page.getByTestId('lab-likeness')).toContainText('resembles it');
    await page.getByTestId('lab-draw').scrollIntoViewIfNeeded();
    await screenshot(page, 'lab-draw');

    // More strokes move the point: it follows the drawing as it is drawn.
    const before = await plane.getAttribute('data-drawn');
    await page.getByTestId('lab-tool-eraser').click();
    const pad = (await page.getByTestId('lab-pad').boundingBox())!;
    await page.mouse.move(pad.x + pad.width * 0.3, pad.y + pad.height * 0.5);
    await page.mouse.down();
    await page.mouse.move(pad.x + pad.width * 0.5, pad.y + pad.height * 0.5, { steps: 8 });
    await page.mouse.up();
    await expect(plane).not.toHaveAttribute('data-drawn', before ?? '');
    await page.getByTestId('lab-clear').click();
    await expect(plane).toHaveAttribute('data-drawn', '');
    await page.getByTestId('lab-tool-pen').click();
    await drawZero();
    await expect(plane).not.toHaveAttribute('data-drawn', '');
  });

  test('finds an image’s neighbours by code, bits and pixels, and scores each search against chance', async () => {
    const find = page.getByTestId('lab-find');
    await find.scrollIntoViewIfNeeded();
    await expect(find).toContainText('cut at its own median');
    await page.getByTestId('lab-query').fill('7');
    for (const row of ['lab-by-code', 'lab-by-bits', 'lab-by-pixels'])
      expect((await page.getByTestId(row).getAttribute('data-labels'))!.split(',')).toHaveLength(
        10,
      );
    const precision = page.getByTestId('lab-precision');
    await precision.waitFor({ timeout: 30_000 });
    const value = async (id: string) =>
      Number(await page.getByTestId(`lab-precision-${id}`).getAttribute('data-value'));
    expect(await value('hamming')).toBeGreaterThan(await value('chance'));
    expect(await value('codes')).toBeGreaterThan(await value('chance'));
    await page.getByTestId('lab-query-drawing').click();
    await expect(page.getByTestId('lab-query-image')).toBeVisible();
    await page.getByTestId('lab-query').fill('7');
    await find.scrollIntoViewIfNeeded();
    await screenshot(page, 'lab-find');
  });

  test('draws the eigen-images of the pixels beside the first-layer features', async () => {
    const eigen = page.getByTestId('lab-eigen');
    await eigen.scrollIntoViewIfNeeded();
    await expect(page.getByTestId('lab-eigen-images')).toHaveAttribute('data-count', '16');
    await expect(page.getByTestId('lab-features')).toBeVisible();
    await expect(page.getByTestId('lab-eigen-caption')).toContainText('of the variance');
    await screenshot(page, 'lab-eigen');
  });
});
