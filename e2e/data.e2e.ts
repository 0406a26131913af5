import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { browserModeOnly, expect, root, screenshot, studioSession, test } from './harness';

// Bringing one's own data in browser mode: the page cannot name a file on the host's disk, so it
// uploads it; a pandas CSV (df.to_csv(), with its index column) is read as pandas meant it.
browserModeOnly('Electron names a file on disk itself; browser mode uploads it');
const studio = studioSession();
let page: Page;

test.beforeAll(() => {
  page = studio.page;
});

test.describe('a data file of ones own, in browser mode', () => {
  test('refuses a path outside the data folders in words, without showing the file', async () => {
    await page.getByTestId('tab-train').click();
    await page.getByTestId('data-source').selectOption('file');
    await page.getByTestId('data-file-kind').selectOption('csv');
    const path = page.getByTestId('data-file-path');
    await path.fill('/etc/passwd');
    await path.press('Enter');
    await page.getByTestId('data-describe').click();
    const summary = page.getByTestId('data-summary');
    await page.waitForSelector('[data-testid="data-summary"][data-state="error"]');
    const text = await summary.innerText();
    expect(text).toMatch(/upload/i);
    expect(text).not.toContain('root:x:0:0');
  });

  test('uploads a pandas CSV and says it dropped the index column and found the labels', async () => {
    await page
      .getByTestId('data-file-upload')
      .setInputFiles(join(root, 'test/fixtures/hostile/data-valid/pandas-index-label.csv'));
    await page.waitForFunction(() =>
      (
        document.querySelector('[data-testid="data-file-path"]') as HTMLInputElement | null
      )?.value.includes('pandas-index-label'),
    );
    await page.getByTestId('data-describe').click();
    await page.waitForSelector('[data-testid="data-notes"]');
    const notes = await page.getByTestId('data-notes').innerText();
    expect(notes).toMatch(/index/i);
    expect(notes).toContain("'label'");
    // Four pixel columns: neither the index nor the label became a value of the sample.
    expect(await page.getByTestId('data-shape').innerText()).toContain('4');
    await page.getByTestId('data-summary').scrollIntoViewIfNeeded();
    await screenshot(page, 'data-upload-pandas');
  });
});
