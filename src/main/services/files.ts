import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';

/**
 * The one fs call a test may redirect: opening the temporary file. Tests point it at /dev/full
 * so the kernel's real ENOSPC comes back; nothing else is replaced.
 */
export const atomicWriteSeam = { openTemp: (path: string) => open(path, 'wx') };

/** The app's own temporary names: `<target>.<12 hex>.tmp`, what housekeeping may delete. */
export const TEMP_PATTERN = /\.[0-9a-f]{12}\.tmp$/;

/**
 * Writes a file atomically: a temporary file beside it, flushed to disk, then renamed over the
 * target, so a crash leaves either the old file or the new one, never half of one. On any failure
 * (open, write, sync, close, rename) the temporary file is removed and the error is thrown.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    // 'wx' never follows a planted symlink or reuses a file that is already there.
    const handle = await atomicWriteSeam.openTemp(temp);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
