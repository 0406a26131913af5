import { realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { ImportSourceSpec } from '../../../shared/contract/dataSources';
import { fail, ok, type Result } from '../../../shared/contract/result';
import type { DataSpec } from '../../../shared/contract/training';

/**
 * Which data files the host may read. In browser mode anyone holding the page's token (or a
 * project file someone sent) names paths, so only the app's own data folders and the folders
 * the person named at start (--data-root) are readable. Electron and the CLI read what the
 * person chose in a dialog or typed themselves: `restricted` is false there.
 */
export interface DataAccess {
  restricted: boolean;
  /** Folders whose files may be read; resolved to real paths when checked. */
  roots: string[];
  /** Where relative paths lead: the uploads folder. */
  baseDir: string;
}

/** The uploads folder inside the app's data folder: where data.upload stores files. */
export const uploadsDir = (dataDir: string): string => join(dataDir, 'uploads');

/** The access rule of a host: browser mode reads its data and uploads folders and the named roots. */
export function dataAccessFor(
  shell: 'electron' | 'browser' | 'memory',
  dataDir: string,
  dataRoots: readonly string[] = [],
): DataAccess {
  return {
    restricted: shell === 'browser',
    roots: [uploadsDir(dataDir), join(dataDir, 'data'), ...dataRoots],
    baseDir: uploadsDir(dataDir),
  };
}

const errorCode = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : undefined;

/**
 * The real path of `path`, symlinks followed. A missing file keeps its name under its folder's
 * real path, so the reader still says "not found" for a missing file inside a root.
 */
async function realPathOf(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (e) {
    if (errorCode(e) !== 'ENOENT' && errorCode(e) !== 'ENOTDIR') return path;
    const parent = dirname(path);
    return parent === path ? path : join(await realPathOf(parent), basename(path));
  }
}

const isInside = (root: string, path: string): boolean => {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
};

/** Resolves one path and checks it lies inside a root; the real path is what gets read. */
export async function allowedPath(path: string, access: DataAccess): Promise<Result<string>> {
  // Outside browser mode the person typed or chose the path: it is read as given.
  if (!access.restricted) return ok(path);
  const full = resolve(access.baseDir, path);
  const real = await realPathOf(full);
  const roots = await Promise.all(access.roots.map((r) => realPathOf(resolve(r))));
  if (roots.some((root) => isInside(root, real))) return ok(real);
  return fail(
    'E_PATH_NOT_ALLOWED',
    `The studio in the browser reads data only from its uploads folder and the folders named when ` +
      `it was started, and '${basename(path).slice(0, 60)}' is outside them. Upload the file with ` +
      `the Upload button, or start the studio with --data-root=<folder> to let it read that folder.`,
  );
}

async function allowedSource(
  file: ImportSourceSpec,
  access: DataAccess,
): Promise<Result<ImportSourceSpec>> {
  const check = async (p: string | undefined): Promise<Result<string | undefined>> =>
    p === undefined ? ok(undefined) : allowedPath(p, access);
  switch (file.kind) {
    case 'idx': {
      const images = await allowedPath(file.imagesPath, access);
      if (!images.ok) return images;
      const labels = await check(file.labelsPath);
      if (!labels.ok) return labels;
      return ok({ ...file, imagesPath: images.value, labelsPath: labels.value });
    }
    case 'npy': {
      const path = await allowedPath(file.path, access);
      if (!path.ok) return path;
      const labels = await check(file.labelsPath);
      if (!labels.ok) return labels;
      return ok({ ...file, path: path.value, labelsPath: labels.value });
    }
    case 'csv':
    case 'imageFolder': {
      const path = await allowedPath(file.path, access);
      return path.ok ? ok({ ...file, path: path.value }) : path;
    }
    default: {
      const unhandled: never = file;
      return fail('E_DATA', `Unknown kind of data file ${JSON.stringify(unhandled)}.`);
    }
  }
}

/**
 * Checks every path a data spec names before anything reads it, and returns the spec with the
 * resolved real paths, so what is read is what was checked. Embedded data passes as it is.
 */
export async function allowedDataSpec(
  spec: DataSpec,
  access: DataAccess,
): Promise<Result<DataSpec>> {
  if (spec.source !== 'file' || spec.file === null) return ok(spec);
  const file = await allowedSource(spec.file, access);
  return file.ok ? ok({ ...spec, file: file.value }) : file;
}
