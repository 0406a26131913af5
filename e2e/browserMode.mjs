// Starting the built app in browser mode and Debian's Chromium, for the e2e tests (e2e/shells.ts,
// playwright.config.ts) and the benches. Plain JavaScript so the bench runs with node alone.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Starts browser mode (`out/main/serve.js`) and resolves with the tokenized address it prints.
 * Each start gets its own data folder (projects, autosave, checkpoints) unless one is given, so
 * runs never see each other's recovery copies.
 */
export function serve(dataDir = mkdtempSync(join(tmpdir(), 'studio-e2e-'))) {
  const child = spawn(process.execPath, ['out/main/serve.js'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, STUDIO_DATA_DIR: dataDir },
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`browser mode did not start:\n${output}`)),
      60_000,
    );
    child.stdout.on('data', (chunk) => {
      output += chunk.toString();
      const match = /Open: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({
          url: match[1],
          origin: new URL(match[1]).origin,
          dataDir,
          stop: () => child.kill('SIGTERM'),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`browser mode exited with ${code}:\n${output}`)));
  });
}

/** Debian's Chromium: never a downloaded browser. CHROMIUM_PATH names another build. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Chromium's flags for tests and benches: headless in a container, nothing that calls out. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
];

/** Debian's Chromium, driven by playwright-core (no browser download). */
export function launchChromium() {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}
