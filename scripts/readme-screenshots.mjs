/* global document */
// Takes the README's pictures from real runs in browser mode (run `npm run build` first):
//   node scripts/readme-screenshots.mjs
// The default autoencoder trains 10 epochs on the embedded digits; the Train view (loss curves and
// reconstructions) becomes docs/screenshot.png and the Inspect view docs/inspect.png. Then the
// dense GAN preset trains its default run; its Train view (fixed-noise samples, D(real) against
// D(fake) and both losses) becomes docs/gan.png.
import { fileURLToPath } from 'node:url';
import { launchChromium, serve } from '../e2e/browserMode.mjs';

const docs = fileURLToPath(new URL('../docs/', import.meta.url));
const served = await serve();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1080 } });
  await page.goto(served.url);
  await page.waitForSelector('.react-flow__node');
  await page.getByTestId('tab-train').click();
  await page.getByTestId('train-epochs').fill('10');
  await page.getByTestId('train-epochs').press('Enter');
  await page.getByTestId('train-start').click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid="run-status"]')?.textContent?.includes('Completed'),
    undefined,
    { timeout: 600_000 },
  );
  await page.waitForSelector('[data-testid="recon-grid"][data-epoch="10"]');
  await page.screenshot({ path: `${docs}screenshot.png` });
  await page.getByTestId('tab-inspect').click();
  await page.waitForSelector('[data-testid="scatter-legend"]');
  await page.screenshot({ path: `${docs}inspect.png` });
  console.log(`wrote ${docs}screenshot.png and ${docs}inspect.png`);

  await page.getByTestId('project-new').click();
  const discard = page.getByRole('button', { name: /discard|don.t save/i });
  if (await discard.isVisible().catch(() => false)) await discard.click();
  await page.getByTestId('start-gan-dense').click();
  await page.getByTestId('start-gallery').waitFor({ state: 'detached' });
  await page.getByTestId('tab-train').click();
  await page.getByTestId('train-start').click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid="run-status"]')?.textContent?.includes('Completed'),
    undefined,
    { timeout: 1_800_000 },
  );
  await page.getByTestId('game-sample-grid').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${docs}gan.png` });
  console.log(`wrote ${docs}gan.png`);
} finally {
  await browser.close();
  served.stop();
}
