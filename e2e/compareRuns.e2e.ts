import type { Page } from '@playwright/test';
import { expect, screenshot, studioSession, test } from './harness';

// Runs side by side, the unit inspector and the advisor, on short runs of the default model.
const studio = studioSession({ width: 1440, height: 1100 });
let page: Page;

test.beforeAll(() => {
  page = studio.page;
});

/** Waits until the run status says (or no longer says) the run completed. */
const waitForStatus = (completed: boolean, timeout: number) =>
  page.waitForFunction(
    (want) =>
      /^Completed/.test(document.querySelector('[data-testid="run-status"]')?.textContent ?? '') ===
      want,
    completed,
    { timeout },
  );

/** Trains the open design one epoch on 2,000 digits from the Train tab and waits for its end. */
async function trainOnce(learningRate: string): Promise<void> {
  await page.getByTestId('tab-train').click();
  await page.getByTestId('data-limit').fill('2000');
  await page.getByTestId('train-epochs').fill('1');
  await page.getByTestId('train-batch').fill('16');
  await page.getByTestId('train-lr').fill(learningRate);
  await page.getByTestId('train-lr').press('Tab');
  await page.getByTestId('train-start').click();
  // First the new run takes the status line, then it ends.
  await waitForStatus(false, 60_000);
  await waitForStatus(true, 240_000);
  await page
    .locator('[data-testid="advisor-card"][data-state="done"]')
    .waitFor({ timeout: 60_000 });
}

test('two runs of a project show side by side, with a slider that blends them', async () => {
  await trainOnce('0.001');
  // A healthy default run: the advisor has nothing to say.
  await expect(page.getByTestId('advisor-clear')).toBeVisible();
  await screenshot(page, 'compare-advisor-healthy');
  await trainOnce('0.004');
  await page.getByTestId('tab-inspect').click();
  const panel = page.getByTestId('compare-runs');
  await panel.scrollIntoViewIfNeeded();
  await expect(page.getByTestId('compare-a').locator('option')).toHaveCount(2);
  await expect(page.getByTestId('compare-curves').locator('path.compare-val')).toHaveCount(2);
  for (const side of ['a', 'blend', 'b'])
    await expect(page.getByTestId(`compare-col-${side}-recon`)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('compare-col-a-map')).toHaveAttribute('data-count', /^[1-9]\d*$/);
  // The blend column at 0 is run A's reconstructions, at 1 run B's.
  const pixels = (id: string) =>
    page.evaluate((testId) => {
      const c = document.querySelector<HTMLCanvasElement>(`[data-testid="${testId}"]`)!;
      return Array.from(c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data).join();
    }, id);
  const blend = page.getByTestId('compare-blend');
  await blend.fill('0');
  await expect
    .poll(() => pixels('compare-col-blend-recon'))
    .toBe(await pixels('compare-col-a-recon'));
  await blend.fill('1');
  await expect
    .poll(() => pixels('compare-col-blend-recon'))
    .toBe(await pixels('compare-col-b-recon'));
  expect(await pixels('compare-col-a-recon')).not.toBe(await pixels('compare-col-b-recon'));
  await blend.fill('0.5');
  await panel.scrollIntoViewIfNeeded();
  await screenshot(page, 'compare-runs-side-by-side');
});

test('a unit of any layer shows its weights, the digits it likes most, and its reconstruction turned off', async () => {
  const inspector = page.getByTestId('unit-inspector');
  await inspector.scrollIntoViewIfNeeded();
  await expect(page.getByTestId('unit-weights-in')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('unit-top')).toHaveAttribute('data-count', '8');
  await expect(page.getByTestId('unit-ablation')).toContainText('Turning unit 0 off');
  await page.getByRole('button', { name: 'Next unit' }).click();
  await expect(page.getByTestId('unit-detail')).toHaveAttribute('data-unit', '1');
  await inspector.scrollIntoViewIfNeeded();
  await screenshot(page, 'compare-unit-first-layer');
  // The decoder's first layer: its weights to the pixels are what each unit paints.
  const decoder = await page
    .getByTestId('unit-layer')
    .locator('option', { hasText: 'decoder 1' })
    .getAttribute('value');
  await page.getByTestId('unit-layer').selectOption(decoder!);
  await expect(page.getByTestId('unit-weights-out')).toBeVisible({ timeout: 30_000 });
  await inspector.scrollIntoViewIfNeeded();
  await screenshot(page, 'compare-unit-decoder');
});

test('the advisor names dead code units and its one click changes the design', async () => {
  await page.getByTestId('tab-editor').click();
  await page.locator('.react-flow__node[data-id="enc2"]').click();
  await page.locator('#param-kernelInitializer').selectOption('zeros');
  await trainOnce('0.001');
  const finding = page.getByTestId('advisor-dead-code-units');
  await expect(finding).toContainText('32 of 32 code values are dead');
  await screenshot(page, 'compare-advisor-dead-units');
  await page.getByTestId('advisor-apply-dead-code-units').click();
  await expect(page.getByTestId('advisor-applied-dead-code-units')).toBeVisible();
  await page.getByTestId('tab-editor').click();
  await page.locator('.react-flow__node[data-id="enc2"]').click();
  await expect(page.locator('#param-activation')).toHaveValue('elu');
});
