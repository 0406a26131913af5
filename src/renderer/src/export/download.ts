import { fail, ok, type Result } from '../../../shared/contract/result';
import { flattenForDownload } from './flattenFiles';
import type { ExportFile } from './makeExport';
import { EXPORT_MESSAGES } from './messages';

const blobOf = (file: Pick<ExportFile, 'data' | 'type'>): Blob =>
  // A copy into a plain ArrayBuffer: a view of a larger or shared buffer is not a valid BlobPart everywhere.
  new Blob([file.data.slice().buffer], { type: file.type });

/**
 * Saves files (flattened: a download makes no folders) through the browser's download (an <a download> on a blob URL): the same code works
 * in browser mode and in Electron, which turns it into a save.
 */
export function downloadFiles(files: readonly ExportFile[]): void {
  for (const file of flattenForDownload(files)) {
    const url = URL.createObjectURL(blobOf(file));
    const a = document.createElement('a');
    a.href = url;
    a.download = file.name;
    a.style.display = 'none';
    document.body.append(a);
    a.click();
    a.remove();
    // The download has read the URL by the next tasks; a minute is generous for slow disks.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

/**
 * Puts a PNG on the clipboard. The bytes come as a promise so the clipboard call is made while the
 * click still counts as the person's gesture, before the host has rendered the picture.
 */
export async function copyPng(png: Promise<Result<Uint8Array>>): Promise<Result<true>> {
  if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) {
    return fail('E_UNSUPPORTED', EXPORT_MESSAGES.noClipboard);
  }
  let failure: Result<true> | null = null;
  const blob = png.then((r) => {
    if (r.ok) return blobOf({ data: r.value, type: 'image/png' });
    failure = r as Result<true>;
    throw new Error(r.error.message);
  });
  try {
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]);
    return ok(true);
  } catch (error) {
    return failure ?? fail('E_UNSUPPORTED', EXPORT_MESSAGES.clipboard(describe(error)));
  }
}

const describe = (error: unknown): string =>
  error instanceof Error ? error.message || error.name : String(error);
