import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { root, screenshot, studioSession } from './harness';

// Bringing one's own data in browser mode: the page cannot name a file on the host's disk, so it
// uploads it; a pandas CSV (df.to_csv(), with its index column) is read as pandas meant it.
const studio = studioSession();
let page: Page;

beforeAll(() => {
  page = studio.page;
});

describe('a data file of ones own, in browser mode', () => {
  it('refuses a path outside the data folders in words, without showing the file', async () => {
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

  it('uploads a pandas CSV and says it dropped the index column and found the labels', async () => {
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
