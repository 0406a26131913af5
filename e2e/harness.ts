import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, serve, type Served } from './browserMode.mjs';

export { launchChromium, root, serve, type Served } from './browserMode.mjs';

/** One spec file's studio: browser mode (its own data folder), Chromium, and a page on the app. */
export interface StudioSession {
  served: Served;
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

/**
 * Starts browser mode and Chromium before a spec file's tests and ends both after them. The page
 * shows the app with its canvas drawn, and answers "leave with unsaved changes?" with yes, as a
 * person who reloads on purpose would. Read the fields inside tests or hooks, once started.
 */
export function studioSession(
  options: { width?: number; height?: number; acceptDownloads?: boolean } = {},
): StudioSession {
  const session = {} as StudioSession;
  beforeAll(async () => {
    session.served = await serve();
    session.browser = await launchChromium();
    session.context = await session.browser.newContext({
      viewport: { width: options.width ?? 1440, height: options.height ?? 900 },
      acceptDownloads: options.acceptDownloads ?? false,
    });
    session.page = await session.context.newPage();
    session.page.on('dialog', (dialog) => void dialog.accept());
    await session.page.goto(session.served.url);
    await session.page.waitForSelector('.react-flow__node');
  });
  afterAll(async () => {
    await session.browser?.close();
    session.served?.stop();
  });
  return session;
}

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

/** Shows one of the app's four views by its tab. */
export const showTab = (page: Page, name: 'editor' | 'train' | 'inspect' | 'generate') =>
  page.getByTestId(`tab-${name}`).click();

/**
 * Starts a new project from a preset of the New gallery (its settings and data come with it) and
 * waits until the fitted design stands still.
 */
export async function openPreset(page: Page, id: string): Promise<void> {
  await page.getByTestId('project-new').click();
  await page.getByTestId(`start-${id}`).click();
  await page.getByTestId('start-gallery').waitFor({ state: 'detached' });
  await canvasSettled(page);
}
