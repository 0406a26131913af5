import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Download, Page } from '@playwright/test';
import { expect, projectOutputDir } from './harness';

/** A downloaded file: its suggested name, where it was saved and its bytes. */
export interface Downloaded {
  name: string;
  path: string;
  data: Buffer;
}

/** Opens the export dialog unless it is open already. */
export async function openExport(page: Page): Promise<void> {
  if ((await page.getByTestId('export-dialog').count()) === 0)
    await page.getByTestId('export-open').click();
  await page.getByTestId('export-dialog').waitFor();
}

/**
 * Chooses a format in the open export dialog, presses Download and saves every file it gives
 * (a script with trained weights gives two) into e2e/output/<folder>/, once the status line says
 * Downloaded. An export that fails fails here, with the dialog's message.
 */
export async function downloadExport(
  page: Page,
  format: string,
  count: number,
  folder = 'downloads',
): Promise<Downloaded[]> {
  await page.getByTestId('export-format').selectOption(format);
  const saved: Promise<Downloaded>[] = [];
  const dir = join(projectOutputDir(), folder);
  const listener = (d: Download) => {
    const path = join(dir, d.suggestedFilename());
    saved.push(
      d.saveAs(path).then(() => ({ name: d.suggestedFilename(), path, data: readFileSync(path) })),
    );
  };
  page.on('download', listener);
  try {
    await page.getByTestId('export-download').click();
    const status = page.getByTestId('export-status');
    // Model exports build in the host's worker thread: seconds, more on a busy machine.
    await expect(status).toContainText(/Downloaded|E_|could not|cannot/, { timeout: 120_000 });
    await expect(status).toContainText('Downloaded');
    await expect.poll(() => saved.length, { timeout: 120_000 }).toBe(count);
  } finally {
    page.off('download', listener);
  }
  return Promise.all(saved);
}

/** The entries of a zip by path, or a failed expectation when the bytes are not a zip. */
export function zipEntries(data: Uint8Array): Record<string, Uint8Array> {
  expect(Buffer.from(data.subarray(0, 4)).toString('latin1')).toBe('PK\u0003\u0004');
  return unzipSync(data);
}

/** A UTF-8 text, or a failed expectation when the bytes are not. */
export const utf8 = (data: Uint8Array): string =>
  new TextDecoder('utf-8', { fatal: true }).decode(data);
