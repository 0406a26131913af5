import { lstat, realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fail, ok, type Result } from '../../../shared/contract/result';

const isInside = (root: string, path: string): boolean => {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
};

const realOrSelf = (path: string) => realpath(path).catch(() => path);

/**
 * Checks a project path before it is read or written. Browser mode may use only the projects
 * folder. In every mode a path inside the projects folder must not be a symlink, nor lead out of
 * the folder through a symlinked sub-folder: the folder is the app's own, and a link planted there
 * would make the app read or replace a file the person never chose.
 */
export async function checkProjectPath(
  path: string,
  folder: string,
  restrictToFolder: boolean,
): Promise<Result<null>> {
  if (!isAbsolute(path)) return fail('E_PROJECT', 'A project path must be a full path.');
  const inFolder = isInside(resolve(folder), resolve(path));
  if (restrictToFolder && !inFolder) {
    return fail('E_UNSUPPORTED', `In browser mode projects live in ${folder}; choose one there.`);
  }
  if (!inFolder) return ok(null);
  const refused = fail<null>(
    'E_PATH_NOT_ALLOWED',
    `"${path}" is a link that leads out of the projects folder; the app opens and saves only the files inside it.`,
  );
  const info = await lstat(path).catch(() => null);
  if (info?.isSymbolicLink()) return refused;
  // A missing file is judged by its folder, which is where it would be written.
  const real = info ? await realOrSelf(path) : resolve(await realOrSelf(resolve(path, '..')), 'x');
  return isInside(await realOrSelf(folder), real) ? ok(null) : refused;
}
