import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { _electron as electron } from 'playwright-core';
import { root, screenshot } from './harness';

/** The Electron binary, if this machine has one (it cannot be downloaded here). */
function electronBinary(): string | null {
  const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const full = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(full) ? full : null;
}

const binary = electronBinary();
if (!binary) {
  console.log(
    'Skipping the Electron smoke test: no Electron binary on this machine (its install downloads it).',
  );
}

describe.skipIf(!binary)('Electron shell (skipped where no Electron binary is installed)', () => {
  it('opens the window with the default autoencoder and no Node in the page', async () => {
    const app = await electron.launch({ executablePath: binary!, args: [root], cwd: root });
    const window = await app.firstWindow();
    await window.waitForSelector('.react-flow__node');
    expect(await window.locator('.react-flow__node').count()).toBe(6);
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
      'undefined',
    );
    expect(
      await window.evaluate(
        () => typeof (globalThis as { studio?: { invoke?: unknown } }).studio?.invoke,
      ),
    ).toBe('function');
    // The bridge is invoke and onEvent only, and forwards only the commands the renderer uses.
    expect(
      await window.evaluate(() =>
        Object.keys((globalThis as { studio?: object }).studio ?? {}).sort(),
      ),
    ).toEqual(['invoke', 'onEvent']);
    const refused = await window.evaluate(() =>
      (
        globalThis as { studio?: { invoke(c: string, p: unknown): Promise<unknown> } }
      ).studio?.invoke('train.continue', { runId: 'x' }),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'E_UNKNOWN_COMMAND' } });
    await screenshot(window, 'electron-window');
    await app.close();
  });
});
