import { leafName } from './fileNames';
import type { ExportFile } from './makeExport';

/** The folder of a path below the export's own top folder ("ae-tfjs/encoder/x" -> "encoder"). */
function subfolderOf(path: string, top: string | null): string {
  const parts = path.split('/');
  if (top !== null && parts[0] === top) parts.shift();
  return parts.slice(0, -1).join('-');
}

/** The one folder every file sits in ("ae-tfjs"), which the download can drop. */
function commonTop(files: readonly ExportFile[]): string | null {
  const tops = new Set(files.map((f) => (f.name.includes('/') ? f.name.split('/')[0] : '')));
  const [only] = tops;
  return tops.size === 1 && only ? only : null;
}

/** A model.json whose weight paths point at the renamed weight files. */
function renamedModelJson(file: ExportFile, prefix: string): Uint8Array {
  try {
    const json = JSON.parse(new TextDecoder().decode(file.data)) as {
      weightsManifest?: { paths?: string[] }[];
    };
    for (const group of json.weightsManifest ?? []) {
      group.paths = (group.paths ?? []).map((p) => `${prefix}-${leafName(p)}`);
    }
    return new TextEncoder().encode(JSON.stringify(json));
  } catch {
    return file.data;
  }
}

/**
 * Files as downloads, which cannot make folders. The TensorFlow.js export holds model/, encoder/ and
 * decoder/, each with a model.json and weights.bin, so the leaf names collide: a folder's model.json
 * becomes "<folder>.json" and its other files "<folder>-<name>", and each model.json is rewritten to
 * name its renamed weight files, so tf.loadLayersModel('encoder.json') still finds them.
 */
export function flattenForDownload(files: readonly ExportFile[]): ExportFile[] {
  const leaves = files.map((f) => leafName(f.name));
  if (new Set(leaves).size === leaves.length)
    return files.map((f, i) => ({ ...f, name: leaves[i] }));
  const top = commonTop(files);
  return files.map((file) => {
    const folder = subfolderOf(file.name, top);
    const leaf = leafName(file.name);
    if (!folder) return { ...file, name: leaf };
    if (leaf === 'model.json') {
      return { ...file, name: `${folder}.json`, data: renamedModelJson(file, folder) };
    }
    return { ...file, name: `${folder}-${leaf}` };
  });
}
