import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

export { launchChromium, root, serve, type Served } from './browserMode.mjs';

export const outputDir = fileURLToPath(new URL('./output/', import.meta.url));
mkdirSync(outputDir, { recursive: true });

export async function screenshot(page: Page, name: string): Promise<string> {
  const path = `${outputDir}${name}.png`;
  await page.screenshot({ path, fullPage: false });
  return path;
}

/**
 * Waits until the canvas stops moving: the viewport and every node keep the same transform across
 * three looks 100 ms apart (two would end before an animation that has not begun its first frame). Fit and layout animate; waiting for them to end, not a fixed time, keeps
 * a loaded machine from reading a half-finished animation.
 */
export async function canvasSettled(page: Page, timeoutMs = 10_000): Promise<void> {
  const look = () =>
    page.evaluate(() =>
      [
        document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '',
        ...[...document.querySelectorAll<HTMLElement>('.react-flow__node')].map(
          (n) => n.style.transform,
        ),
      ].join('|'),
    );
  const deadline = Date.now() + timeoutMs;
  let last = await look();
  let still = 0;
  while (still < 2) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = await look();
    still = now === last ? still + 1 : 0;
    if (still === 0 && Date.now() > deadline) throw new Error('the canvas kept moving');
    last = now;
  }
}
