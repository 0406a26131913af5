import type { Page } from '@playwright/test';
import { expect, screenshot, showTab, studioSession, test } from './harness';

const studio = studioSession({ height: 960 });
let page: Page;

test.beforeAll(() => {
  page = studio.page;
});

const tab = (name: Parameters<typeof showTab>[1]) => showTab(page, name);
const mark = () => page.getByTestId('stale-mark');

/** Waits until the run of the Train tab has ended, and expects it to have completed. */
async function waitForRunEnd() {
  await tab('train');
  await page.waitForFunction(
    () =>
      /Completed|Failed|crashed|Stopped/.test(
        document.querySelector('[data-testid="run-status"]')?.textContent ?? '',
      ),
    undefined,
    { timeout: 240_000 },
  );
  expect(await page.getByTestId('run-status').innerText()).toMatch(/^Completed/);
}

/** Changes a parameter of a node in the editor's inspector. */
async function setParam(id: string, key: string, value: string) {
  await tab('editor');
  await page.locator(`.react-flow__node[data-id="${id}"]`).click();
  await page.locator(`#param-${key}`).fill(value);
}

/** How many code values the Generate tab offers to vary: the code size of the model it decodes. */
const codeChoices = () => page.locator('[data-testid="vary-x"] option').count();

test.describe('results of an earlier design', () => {
  test('are marked in Inspect and Generate once the design changes, until it is trained again', async () => {
    await tab('train');
    await page.getByTestId('data-limit').fill('1000');
    await page.getByTestId('train-epochs').fill('1');
    await page.getByTestId('train-start').click();
    await waitForRunEnd();

    await tab('inspect');
    await page.getByTestId('feature-grid').waitFor();
    expect(await mark().count()).toBe(0);

    // The code layer of the default model goes from 32 to 16 units.
    await setParam('enc2', 'units', '16');

    await tab('inspect');
    await mark().waitFor();
    const words = await mark().innerText();
    expect(words).toContain('These results come from an earlier design (run 1, 32 code units).');
    expect(words).toContain('Your design has changed since');
    await screenshot(page, 'stale-inspect');

    await tab('generate');
    await mark().waitFor();
    expect(await mark().innerText()).toContain('earlier design (run 1, 32 code units)');
    // Generate still shows the old model's 32 code values, and says so.
    await page.getByTestId('vary-x').waitFor();
    expect(await codeChoices()).toBe(32);
    expect(await mark().innerText()).toMatch(/decodes with that earlier model/);
    // The old model's grid, drawn under the mark: 20×20 decoded images.
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="latent-grid"]')?.getAttribute('data-tiles') === '400',
      undefined,
      { timeout: 30_000 },
    );
    expect(await page.getByTestId('generate-grid').getAttribute('data-stale')).toBe('true');
    await screenshot(page, 'stale-generate');

    // A TensorFlow.js export leaves out the weights that no longer fit, and says so.
    await page.getByTestId('export-open').click();
    await page.getByTestId('export-format').selectOption('tfjs');
    const exportMark = page.getByTestId('export-dialog').getByTestId('stale-mark');
    await exportMark.waitFor();
    expect(await exportMark.innerText()).toContain('leaves them out');
    await exportMark.getByTestId('stale-restore').waitFor();
    await expect(page.getByTestId('export-tfjs-note')).toContainText('Downloads one zip');
    const weightsNote = page.getByTestId('export-weights-note');
    await expect(weightsNote).toContainText('The trained weights do not fit this design');
    await expect(weightsNote).toContainText('untrained');
    await screenshot(page, 'stale-export');
    await page.getByTestId('export-close').click();

    // Going back restores the trained design as one undoable step: the mark goes with it.
    await page.getByTestId('stale-restore').click();
    await expect.poll(() => mark().count()).toBe(0);
    await tab('editor');
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    await page.mouse.click(pane.x + pane.width / 2, pane.y + pane.height - 24);
    await page.keyboard.press('Control+z');
    await tab('generate');
    await mark().waitFor();

    await page.getByTestId('stale-train-again').click();
    await expect.poll(() => mark().count()).toBe(0);
    await waitForRunEnd();
    await tab('generate');
    await page.getByTestId('vary-x').waitFor();
    await expect.poll(codeChoices).toBe(16);
    expect(await mark().count()).toBe(0);
    await tab('inspect');
    expect(await mark().count()).toBe(0);
  });
});
