import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  _electron,
  chromium,
  type Browser,
  type BrowserContext,
  type LaunchOptions,
  type Page,
} from '@playwright/test';
import { root, serve, type Served } from './browserMode.mjs';

/** The two ways the app runs, one Playwright project each: the same specs drive both. */
export type ShellName = 'web' | 'electron';

/** What a spec file asks of its studio. */
export interface OpenOptions {
  width?: number;
  height?: number;
}

/** One spec file's studio: a page on the app, and in browser mode the server behind it. */
export interface OpenedStudio {
  page: Page;
  context: BrowserContext;
  /** Browser mode's server (address, token, data folder); null in the Electron shell. */
  served: Served | null;
  close(): Promise<void>;
}

/** A shell, started once per worker; each spec file opens its own studio on it. */
export interface Shell {
  name: ShellName;
  /** Why this shell cannot run here, in words; null when it can. */
  unavailable: string | null;
  open(options: OpenOptions): Promise<OpenedStudio>;
  close(): Promise<void>;
}

export const DEFAULT_SIZE = { width: 1440, height: 900 };

/** Said for every Electron test where no binary is installed; a constant so Playwright can show it. */
export const NO_ELECTRON =
  'No Electron binary on this machine (node_modules/electron/dist/electron is absent: ' +
  "Electron's install downloads it), so the electron project does not run here.";

/**
 * Waits for the app to draw its design, and answers "leave with unsaved changes?" with yes, as a
 * person who reloads on purpose would. A page that draws nothing is loaded once more: on a machine
 * where `npm run build` runs beside the tests, a page read mid-build stays blank (seen once in a
 * full run here), and a second load reads the finished build.
 */
async function readyPage(page: Page): Promise<Page> {
  page.on('dialog', (dialog) => void dialog.accept());
  // What went wrong inside the page reaches the run's output, where CI's log keeps it.
  page.on('pageerror', (error) => console.log(`[page error] ${error.stack ?? String(error)}`));
  page.on('crash', () => console.log('[page crashed] the page of this spec file crashed'));
  page.on('console', (message) => {
    if (message.type() === 'error') console.log(`[page console] ${message.text()}`);
  });
  const drawn = () => page.waitForSelector('.react-flow__node', { timeout: 60_000 });
  try {
    await drawn();
  } catch {
    await page.reload();
    await drawn().catch((error: unknown) => {
      throw new Error(
        `The app drew no design within two minutes, loaded twice: is the build complete (npm run build)? ${String(error)}`,
      );
    });
  }
  return page;
}

/**
 * Browser mode in Debian's Chromium: one Chromium per worker, and per spec file its own server
 * (its own data folder, so files never see each other's projects, runs or recovery copies) and
 * its own browser context.
 */
export async function webShell(launchOptions: LaunchOptions): Promise<Shell> {
  const browser: Browser = await chromium.launch(launchOptions);
  return {
    name: 'web',
    unavailable: null,
    async open({ width = DEFAULT_SIZE.width, height = DEFAULT_SIZE.height }) {
      const served = await serve();
      const context = await browser.newContext({
        viewport: { width, height },
        deviceScaleFactor: 1,
        acceptDownloads: true,
      });
      const page = await context.newPage();
      await page.goto(served.url);
      await readyPage(page);
      return {
        page,
        context,
        served,
        async close() {
          await context.close();
          served.stop();
        },
      };
    },
    close: () => browser.close(),
  };
}

/** The Electron binary the `electron` package installed, if it did (it downloads it). */
export function electronBinary(): string | null {
  const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const full = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(full) ? full : null;
}

/** The Electron app itself (its host in its main process); one app per spec file. */
export function electronShell(): Shell {
  const binary = electronBinary();
  return {
    name: 'electron',
    unavailable: binary ? null : NO_ELECTRON,
    async open({ width = DEFAULT_SIZE.width, height = DEFAULT_SIZE.height }) {
      if (!binary) throw new Error(NO_ELECTRON);
      const dataDir = mkdtempSync(join(tmpdir(), 'studio-e2e-electron-'));
      const app = await _electron.launch({
        executablePath: binary,
        args: [root],
        cwd: root,
        env: { ...process.env, STUDIO_DATA_DIR: dataDir },
      });
      const page = await app.firstWindow();
      const window = await app.browserWindow(page);
      await window.evaluate((win, size) => win.setContentSize(size.width, size.height), {
        width,
        height,
      });
      await readyPage(page);
      return { page, context: app.context(), served: null, close: () => app.close() };
    },
    close: async () => {},
  };
}
