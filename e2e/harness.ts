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
