import type { Page } from '@playwright/test';
import { expect, screenshot, studioSession, test } from './harness';

// What only the Electron shell has: the preload bridge in place of browser mode's WebSocket.
test.skip(({ shellName }) => shellName !== 'electron', 'Electron only: checks the preload bridge');

const studio = studioSession();
let page: Page;

test.beforeAll(() => {
  page = studio.page;
});

test.describe('the Electron shell', () => {
  test('opens the window with the default autoencoder and no Node in the page', async () => {
    expect(await page.locator('.react-flow__node').count()).toBe(6);
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
      'undefined',
    );
    expect(
      await page.evaluate(
        () => typeof (globalThis as { studio?: { invoke?: unknown } }).studio?.invoke,
      ),
    ).toBe('function');
    // The bridge is invoke and onEvent only, and forwards only the commands the renderer uses.
    expect(
      await page.evaluate(() =>
        Object.keys((globalThis as { studio?: object }).studio ?? {}).sort(),
      ),
    ).toEqual(['invoke', 'onEvent']);
    const refused = await page.evaluate(() =>
      (
        globalThis as { studio?: { invoke(c: string, p: unknown): Promise<unknown> } }
      ).studio?.invoke('train.continue', { runId: 'x' }),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'E_UNKNOWN_COMMAND' } });
    await screenshot(page, 'electron-window');
  });
});
