/* global document, window, requestAnimationFrame -- the functions passed to page.evaluate run in the page */
// UI speed bench: run after `npx electron-vite build`. Starts browser mode, trains the 2-D latent
// preset briefly in Chromium, and measures inside the page (performance.now + requestAnimationFrame):
//   - the renderer's frame time while an epoch trains (Editor tab: canvas, loss chart, recon grid),
//   - React commits per second in the same epoch, and what each progress event re-renders
//     (commitCounter.mjs; bench/ui/commits.mjs measures the same on its own, per tab),
//   - decoding and drawing the 20x20 latent grid, request to painted frame,
//   - decoding and drawing one point while dragging on the latent plane, request to painted frame.
// Prints one line per figure. Usage: node bench/ui/bench-ui.mjs
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, serve } from '../../e2e/browserMode.mjs';
import {
  describeCommits,
  installCommitCounter,
  startCounting,
  stopCounting,
} from './commitCounter.mjs';

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (at - lo);
};
const report = (name, values, extra = '') =>
  console.log(
    `${name}: median ${quantile(values, 0.5).toFixed(1)} ms, p95 ${quantile(values, 0.95).toFixed(1)} ms (n=${values.length}${extra})`,
  );

// A data folder of its own: no recovery copy from another session covers the page.
const served = await serve(mkdtempSync(join(tmpdir(), 'studio-bench-ui-')));
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
  await installCommitCounter(page);
  await page.goto(`${served.url}&bench=1`);
  await page.waitForSelector('.react-flow__node');
  await page.getByTestId('project-new').click();
  await page.getByTestId('start-latent2d').click();

  // Train 3 epochs on every 1, 5 and 6 of the embedded digits; measure frames during epoch 2.
  await page.getByTestId('tab-train').click();
  await page.getByTestId('train-epochs').fill('3');
  await page.getByTestId('tab-editor').click();
  await page.getByTestId('train-start').click();
  const status = () => page.getByTestId('run-status').innerText();
  await page.waitForFunction(
    () =>
      /epoch 2 of/.test(document.querySelector('[data-testid="run-status"]')?.textContent ?? ''),
    undefined,
    { timeout: 240_000 },
  );
  const counting = await startCounting(page);
  const frames = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const deltas = [];
        let last = performance.now();
        const started = last;
        const tick = (now) => {
          deltas.push(now - last);
          last = now;
          const text = document.querySelector('[data-testid="run-status"]')?.textContent ?? '';
          if (/epoch 3 of|Completed/.test(text) || now - started > 20_000) resolve(deltas);
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );
  const commits = await stopCounting(page, counting);
  report('frame time while an epoch trains (Editor tab)', frames);
  console.log(describeCommits('renderer while an epoch trains (Editor tab)', commits));
  await page.waitForFunction(
    () => /Completed/.test(document.querySelector('[data-testid="run-status"]')?.textContent ?? ''),
    undefined,
    { timeout: 240_000 },
  );
  if (!/Completed/.test(await status()))
    throw new Error(`training did not complete: ${await status()}`);

  // The latent grid: 400 codes decoded in one request and drawn.
  await page.getByTestId('tab-generate').click();
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="latent-grid"]')?.getAttribute('data-tiles') === '400',
    undefined,
    { timeout: 60_000 },
  );
  const grid = [];
  for (let i = 0; i < 30; i++)
    grid.push(await page.evaluate(() => window.__studioBench.gridOnce()));
  report('latent grid 20x20, request to painted frame', grid);
  const gridParts = await page.evaluate(() => window.__studioBench.samples);
  report(
    '  of which the decode round trip (renderer -> host -> trainer -> back)',
    gridParts.gridDecode.slice(-30),
  );
  report(
    '  of which request to drawn canvas (before the frame is painted)',
    gridParts.gridDrawn.slice(-30),
  );

  // Dragging on the latent plane at 60 moves a second, in a circle.
  await page.evaluate(() => (window.__studioBench.samples.drag = []));
  const box = await page.getByTestId('latent-plane').boundingBox();
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const moves = 240;
  await page.mouse.move(cx + box.width * 0.35, cy);
  await page.mouse.down();
  for (let i = 1; i <= moves; i++) {
    const a = (i / moves) * Math.PI * 4;
    await page.mouse.move(
      cx + Math.cos(a) * box.width * 0.35,
      cy + Math.sin(a) * box.height * 0.35,
    );
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  await page.waitForTimeout(300);
  const drag = await page.evaluate(() => window.__studioBench.samples.drag);
  report(
    'dragged point, request to painted frame',
    drag,
    `, ${drag.length} drawn of ${moves + 1} cursor positions`,
  );
  const drawn = await page.evaluate(() => window.__studioBench.samples.dragDrawn);
  report(
    '  of which request to drawn canvas (before the frame is painted)',
    drawn.slice(-drag.length),
  );
} finally {
  await browser.close();
  served.stop();
}
