import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import type { Served } from './browserMode.mjs';
import { electronShell, NO_ELECTRON, webShell, type Shell, type ShellName } from './shells';

export { expect } from '@playwright/test';
export { root, serve, type Served } from './browserMode.mjs';

interface WorkerFixtures {
  /** Which shell this project drives (set per project in playwright.config.ts). */
  shellName: ShellName;
  /** The shell, started once per worker: Chromium for `web`, the binary's path for `electron`. */
  shell: Shell;
}

/** Playwright's test, with the studio's shell shared by every spec file of a worker. */
export const test = base.extend<object, WorkerFixtures>({
  shellName: ['web', { scope: 'worker', option: true }],
  shell: [
    async ({ shellName, launchOptions, headless }, use) => {
      const shell =
        shellName === 'web' ? await webShell({ headless, ...launchOptions }) : electronShell();
      // Said once per worker, so the run's output tells why the project's tests were skipped.
      if (shell.unavailable) console.log(`[${shellName}] skipped: ${shell.unavailable}`);
      await use(shell);
      await shell.close();
    },
    { scope: 'worker' },
  ],
});

/** One spec file's studio: a page on the app with its canvas drawn. */
export interface StudioSession {
  page: Page;
  context: BrowserContext;
  /** Browser mode's server; null in the Electron shell (specs that need it are browser-mode only). */
  served: Served | null;
}

/**
 * Opens a studio before a spec file's tests and closes it after them; the tests run in order on
 * it, and one that fails skips the rest, which build on it (unless they are `independent`). Read the fields inside tests or hooks.
 * Where the shell cannot run (no Electron binary) every test of the file is reported as skipped,
 * with the reason.
 */
export function studioSession(
  options: { width?: number; height?: number; independent?: boolean } = {},
): StudioSession {
  const session = {} as StudioSession;
  let close: (() => Promise<void>) | undefined;
  // Independent tests (each sets up what it needs) all run even after one fails, on a new studio.
  if (!options.independent) test.describe.configure({ mode: 'serial' });
  test.skip(({ shell }) => shell.unavailable !== null, NO_ELECTRON);
  test.beforeAll(async ({ shell }) => {
    const opened = await shell.open(options);
    Object.assign(session, { page: opened.page, context: opened.context, served: opened.served });
    close = opened.close;
  });
  test.afterAll(async () => {
    await close?.();
  });
  return session;
}

/** Skips the tests of its scope in the Electron shell: what they check exists only in browser mode. */
export const browserModeOnly = (why: string) =>
  test.skip(({ shellName }) => shellName !== 'web', `Browser mode only: ${why}`);

/** Screenshots for people to look at: e2e/output/ (web) and e2e/output/electron/. */
export const outputDir = fileURLToPath(new URL('./output/', import.meta.url));
mkdirSync(outputDir, { recursive: true });

/** Where this project's files go: the web project's in e2e/output, others' in a folder each. */
export function projectOutputDir(): string {
  const project = test.info().project.name;
  const dir = project === 'web' || project === '' ? outputDir : `${outputDir}${project}/`;
  mkdirSync(dir, { recursive: true });
  return dir;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const path = `${projectOutputDir()}${name}.png`;
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
export const showTab = (page: Page, name: 'editor' | 'train' | 'inspect' | 'generate' | 'lab') =>
  page.getByTestId(`tab-${name}`).click();

/**
 * Trains the open preset from the Train tab, on fewer epochs or digits when asked, and expects the
 * run to complete.
 */
export async function trainBriefly(page: Page, change: { epochs?: number; limit?: number } = {}) {
  await showTab(page, 'train');
  if (change.limit) await page.getByTestId('data-limit').fill(String(change.limit));
  if (change.epochs) await page.getByTestId('train-epochs').fill(String(change.epochs));
  await page.getByTestId('train-start').click();
  await page.waitForFunction(
    () =>
      /Completed|Failed|crashed/.test(
        document.querySelector('[data-testid="run-status"]')?.textContent ?? '',
      ),
    undefined,
    { timeout: 280_000 },
  );
  expect(await page.getByTestId('run-status').innerText()).toMatch(/^Completed/);
}

/**
 * Opens the New gallery. A click on New that opens nothing within 15 s (seen once in CI, where the
 * gallery's preset never appeared for 5 minutes; not yet reproduced here) is said in the run's
 * output with what the page showed, and clicked once more; a second miss fails with that
 * description.
 */
async function openGallery(page: Page): Promise<void> {
  const gallery = page.getByTestId('start-gallery');
  for (let attempt = 1; ; attempt++) {
    await page.getByTestId('project-new').click();
    try {
      await gallery.waitFor({ timeout: 15_000 });
      return;
    } catch {
      const shown = await page
        .locator('body')
        .ariaSnapshot({ timeout: 10_000 })
        .catch((error: unknown) => `(no snapshot: ${String(error)})`);
      const what = `A click on New opened no gallery within 15 s (try ${attempt}). The page showed:\n${shown}`;
      if (attempt === 2) throw new Error(what);
      console.log(`[harness] ${what}`);
    }
  }
}

/**
 * Starts a new project from a preset of the New gallery (its settings and data come with it) and
 * waits until the fitted design stands still.
 */
export async function openPreset(page: Page, id: string): Promise<void> {
  await openGallery(page);
  await page.getByTestId(`start-${id}`).click();
  await page.getByTestId('start-gallery').waitFor({ state: 'detached' });
  await canvasSettled(page);
}
