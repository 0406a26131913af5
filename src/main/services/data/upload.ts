import { mkdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fail, ok, type Result } from '../../../shared/contract/result';
import { writeFileAtomic } from '../files';
import { uploadsDir } from './access';

/** Below the WebSocket frame limit (64 MiB) with room for the request around the bytes. */
export const MAX_UPLOAD_BYTES = 60 * 1024 * 1024;

/**
 * A file name that is safe on every file system and cannot climb out of the uploads folder:
 * folders dropped, only letters, digits, '.', '-' and '_', no leading dot, at most 100 characters.
 */
export function sanitizeUploadName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  const safe = last
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(-100);
  return safe === '' ? 'upload' : safe;
}

const exists = (path: string): Promise<boolean> =>
  stat(path).then(
    () => true,
    () => false,
  );

/** The first free name: data.csv, then data-2.csv, data-3.csv, …, so no upload replaces another. */
async function freeName(dir: string, name: string): Promise<string> {
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 1; n < 10_000; n += 1) {
    const candidate = n === 1 ? name : `${stem}-${n}${ext}`;
    if (!(await exists(join(dir, candidate)))) return candidate;
  }
  return `${stem}-${Date.now()}${ext}`;
}

/** Stores an uploaded data file in the uploads folder, atomically, and returns where it lies. */
export async function storeUpload(
  dataDir: string,
  name: string,
  bytes: Uint8Array,
): Promise<Result<{ path: string; name: string; size: number }>> {
  if (bytes.length === 0) return fail('E_DATA', 'The uploaded file is empty.');
  if (bytes.length > MAX_UPLOAD_BYTES) {
    return fail(
      'E_TOO_LARGE',
      `The file is ${(bytes.length / 1024 ** 2).toFixed(1)} MB; uploads up to ` +
        `${MAX_UPLOAD_BYTES / 1024 ** 2} MB are accepted. Compress it (.gz), use fewer samples, ` +
        'or start the studio with --data-root=<folder> to read it where it lies.',
    );
  }
  const dir = uploadsDir(dataDir);
  try {
    await mkdir(dir, { recursive: true });
    const stored = await freeName(dir, sanitizeUploadName(name));
    const path = join(dir, stored);
    await writeFileAtomic(path, bytes);
    return ok({ path, name: stored, size: bytes.length });
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
    if (code === 'ENOSPC')
      return fail('E_DISK_FULL', 'The disk is full: the upload was not stored.');
    if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
      return fail(
        'E_READ_ONLY',
        "The studio's data folder cannot be written: the upload was not stored.",
      );
    return fail('E_INTERNAL', `The upload could not be stored (${code || 'unknown reason'}).`);
  }
}
