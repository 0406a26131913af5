/* global document */
// Renderer commits per second while training: starts browser mode, trains the default preset on
// 2,000 digits from the Train tab (loss chart, progress, run controls on screen) and counts React
// commits and rendered components for 10 s of the first epochs. Run after `npx electron-vite
// build`: node bench/ui/commits.mjs [train|editor] (the tab that is shown while it trains).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, serve } from '../../e2e/browserMode.mjs';
import { describeCommits, installCommitCounter, measureCommits } from './commitCounter.mjs';

const tab = process.argv[2] ?? 'train';
const served = await serve(mkdtempSync(join(tmpdir(), 'studio-bench-commits-')));
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
  await installCommitCounter(page);
  await page.goto(served.url);
  await page.waitForSelector('.react-flow__node');
  await page.getByTestId('tab-train').click();
  await page.getByTestId('data-limit').fill('2000');
  await page.getByTestId('train-epochs').fill('50');
  await page.getByTestId(`tab-${tab}`).click();
  await page.getByTestId('train-start').click();
  await page.waitForFunction(
    () =>
      /epoch 2 of/.test(
        document.querySelector('[data-testid="train-progress"]')?.textContent ?? '',
      ) ||
      /epoch 2 of/.test(document.querySelector('[data-testid="run-status"]')?.textContent ?? ''),
    undefined,
    { timeout: 240_000 },
  );
  const figure = await measureCommits(page, 10_000);
  console.log(describeCommits(`renderer while training (${tab} tab)`, figure));
  await page
    .getByTestId('train-stop')
    .click()
    .catch(() => undefined);
} finally {
  await browser.close();
  served.stop();
}
