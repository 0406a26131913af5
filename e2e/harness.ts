import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const outputDir = fileURLToPath(new URL('./output/', import.meta.url));
mkdirSync(outputDir, { recursive: true });

export interface Served {
  url: string;
  origin: string;
  stop(): void;
}

/**
 * Starts browser mode (the built app) and resolves with the tokenized address it prints. Each
 * start gets its own data folder (projects, autosave, checkpoints) unless one is given, so runs
 * never see each other's autosave copies.
 */
export function serve(
  dataDir: string = mkdtempSync(join(tmpdir(), 'studio-e2e-')),
): Promise<Served & { dataDir: string }> {
  const child: ChildProcess = spawn(process.execPath, ['out/main/serve.js'], {
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
    child.stdout?.on('data', (chunk: Buffer) => {
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

/** Debian's Chromium, driven by playwright-core (no browser download). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-quic',
      '--disable-sync',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const path = `${outputDir}${name}.png`;
  await page.screenshot({ path, fullPage: false });
  return path;
}
