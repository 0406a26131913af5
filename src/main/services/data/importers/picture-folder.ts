import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Result } from '../../../../shared/contract/result';
import { dataProblems } from './messages';

/** One picture file found in the folder. */
export interface FolderEntry {
  path: string;
  /** Path inside the chosen folder with '/' separators, as messages show it. */
  rel: string;
  /** Index into the class names, or null when the folder has no class sub-folders. */
  label: number | null;
}

export interface FolderListing {
  entries: FolderEntry[];
  labelNames: string[] | null;
}

const byName = (a: string, b: string): number =>
  a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });

// Hidden files and the thumbnail caches operating systems leave behind are no one's data.
const isClutter = (name: string): boolean =>
  name.startsWith('.') || name === 'Thumbs.db' || name === 'desktop.ini';

async function children(dir: string): Promise<{ files: string[]; dirs: string[] }> {
  const items = await readdir(dir, { withFileTypes: true });
  const visible = items.filter((d) => !isClutter(d.name));
  return {
    files: visible
      .filter((d) => d.isFile())
      .map((d) => d.name)
      .sort(byName),
    dirs: visible
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort(byName),
  };
}

/** Every file below `dir` (nested folders included), in a stable order. */
async function filesBelow(dir: string, rel: string): Promise<{ path: string; rel: string }[]> {
  const { files, dirs } = await children(dir);
  const found = files.map((f) => ({ path: join(dir, f), rel: `${rel}/${f}` }));
  for (const d of dirs) found.push(...(await filesBelow(join(dir, d), `${rel}/${d}`)));
  return found;
}

/**
 * Lists the pictures of a folder. Sub-folders name the classes (cat/1.png is a 'cat'); a folder
 * without sub-folders gives unlabelled pictures. Empty class folders are left out.
 */
export async function listFolder(root: string, shownAs: string): Promise<Result<FolderListing>> {
  try {
    const info = await stat(root);
    if (!info.isDirectory()) return dataProblems.folderMissing(shownAs);
  } catch {
    return dataProblems.folderMissing(shownAs);
  }
  const { files, dirs } = await children(root);
  if (dirs.length === 0) {
    const entries = files.map((f) => ({ path: join(root, f), rel: f, label: null }));
    return { ok: true, value: { entries, labelNames: null } };
  }
  if (files.length > 0) return dataProblems.imageBesideClasses(files[0]);

  const entries: FolderEntry[] = [];
  const labelNames: string[] = [];
  for (const d of dirs) {
    const found = await filesBelow(join(root, d), d);
    if (found.length === 0) continue;
    const label = labelNames.length;
    labelNames.push(d);
    for (const f of found) entries.push({ ...f, label });
  }
  return { ok: true, value: { entries, labelNames } };
}
