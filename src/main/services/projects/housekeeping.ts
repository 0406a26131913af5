import { lstat, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { TEMP_PATTERN } from '../files';

/** A temporary file younger than this may belong to a save in progress (another window). */
const STALE_AFTER_MS = 60_000;

/**
 * Deletes temporary files an interrupted save left behind in these folders: only the app's own
 * naming pattern, only plain files (a symlink is never followed or removed), only older than a
 * minute. Best-effort: a folder that cannot be read is skipped.
 */
export async function removeStaleTemps(folders: string[], now = Date.now()): Promise<number> {
  let removed = 0;
  for (const folder of folders) {
    const names = await readdir(folder).catch(() => [] as string[]);
    for (const name of names) {
      if (!TEMP_PATTERN.test(name)) continue;
      const path = join(folder, name);
      const info = await lstat(path).catch(() => null);
      if (!info?.isFile() || now - info.mtimeMs < STALE_AFTER_MS) continue;
      if (
        await unlink(path).then(
          () => true,
          () => false,
        )
      )
        removed++;
    }
  }
  return removed;
}
