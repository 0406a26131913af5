import { lstat, mkdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { CommandReply } from '../../../shared/contract/commands';
import { fail, ok, type Result } from '../../../shared/contract/result';
import { migrateDocument } from '../../../shared/graph/migrate';
import { checkJsonShape, decodeJsonText, MAX_AUTOSAVE_CHARS } from '../../../shared/project/limits';
import { autosaveFileSchema, type ProjectDraft } from '../../../shared/project/schema';
import { writeFileAtomic } from '../files';
import { errnoOf, fsFailure } from '../fsFailure';

type Recovered = CommandReply<'project.recover'>;
const NONE: Recovered = { project: null, path: null, savedAt: null };

export const autosavePath = (dataDir: string): string => join(dataDir, 'autosave.json');

/** Writes the crash-recovery copy; a read-only or full disk comes back as a Result in words. */
export async function writeAutosave(
  dataDir: string,
  project: ProjectDraft,
  path: string | null,
): Promise<Result<Record<string, never>>> {
  const copy = { savedAt: new Date().toISOString(), path, project };
  try {
    await mkdir(dataDir, { recursive: true });
    await writeFileAtomic(autosavePath(dataDir), JSON.stringify(copy));
  } catch (error) {
    return fsFailure(error, 'keep the recovery copy of your design');
  }
  return ok({});
}

/**
 * Moves a copy that cannot be read out of the way, so the next start does not meet it again: the
 * app reads this file at every start, and a file that fails every time would be a crash loop.
 */
async function moveAside(dataDir: string): Promise<string> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const aside = join(dataDir, `autosave.unreadable-${stamp}.json`);
  try {
    await rename(autosavePath(dataDir), aside);
    return ` It was moved aside to "${aside}" and the app starts without it.`;
  } catch {
    await rm(autosavePath(dataDir), { force: true }).catch(() => undefined);
    return ' It could not be kept and the app starts without it.';
  }
}

/** The text of the copy, or null when there is none; too large or not a file is an error. */
async function readCopy(dataDir: string): Promise<Result<string | null>> {
  try {
    const info = await lstat(autosavePath(dataDir));
    if (!info.isFile())
      return fail('E_PROJECT', 'The recovery copy is not a plain file (a link or a folder).');
    if (info.size > MAX_AUTOSAVE_CHARS)
      return fail('E_PROJECT_TOO_LARGE', 'The recovery copy is far larger than any design.');
    return decodeJsonText(await readFile(autosavePath(dataDir)));
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return ok(null);
    return fsFailure(error, 'read the recovery copy of your last session');
  }
}

/** Checks the copy's text all the way to a typed graph document. */
function parseCopy(text: string): Result<Recovered> {
  const shape = checkJsonShape(text, MAX_AUTOSAVE_CHARS);
  if (!shape.ok) return shape;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail('E_PROJECT', 'The recovery copy is damaged (it is not readable JSON).');
  }
  const parsed = autosaveFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(
      'E_PROJECT',
      `The recovery copy is damaged (${issue.path.join('.') || 'file'}: ${issue.message}).`,
    );
  }
  const graph = migrateDocument(parsed.data.project.graph);
  if (!graph.ok)
    return fail(
      'E_PROJECT',
      `The design in the recovery copy cannot be read: ${graph.error.message}`,
    );
  return ok({ ...parsed.data, project: { ...parsed.data.project, graph: graph.value } });
}

/**
 * The copy an earlier session left, checked to its depth, size and graph. A copy that cannot be
 * used is moved aside and reported once (E_PROJECT_TOO_LARGE or E_PROJECT); the next start finds
 * none.
 */
export async function recoverAutosave(dataDir: string): Promise<Result<Recovered>> {
  const text = await readCopy(dataDir);
  if (text.ok && text.value === null) return ok(NONE);
  const copy = text.ok ? parseCopy(text.value ?? '') : text;
  if (copy.ok) return copy;
  // An unreadable folder (permissions) is not the copy's fault: it is left where it is.
  if (copy.error.code === 'E_READ_ONLY' || copy.error.code === 'E_NOT_FOUND') return copy;
  const where = await moveAside(dataDir);
  return fail(copy.error.code, copy.error.message + where);
}

/** Removes the crash-recovery copy; a copy that is not there is already removed. */
export async function removeAutosave(dataDir: string): Promise<Result<Record<string, never>>> {
  try {
    await rm(autosavePath(dataDir), { force: true });
  } catch (error) {
    return fsFailure(error, 'remove the recovery copy');
  }
  return ok({});
}

/**
 * The recovery copy's one writer: writes, removals and the read at start run one after another in
 * the order they arrived, so an older copy never lands after a newer one (two writes of 0.5 s
 * apart race through fsync otherwise), and a page reloaded just after its last edit reads the
 * copy that edit sent on its way out. A write that a newer write or removal has already replaced
 * in the queue is skipped: each arrival is written at once, never held back for more.
 */
export function createAutosaveWriter(dataDir: string) {
  let queue: Promise<unknown> = Promise.resolve();
  let latest = 0;
  const enqueue = <T>(job: () => Promise<T>): Promise<T> => {
    const next = queue.then(job, job);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    write(project: ProjectDraft, path: string | null): Promise<Result<Record<string, never>>> {
      const turn = ++latest;
      return enqueue(() =>
        turn === latest ? writeAutosave(dataDir, project, path) : Promise.resolve(ok({})),
      );
    },
    remove(): Promise<Result<Record<string, never>>> {
      latest += 1;
      return enqueue(() => removeAutosave(dataDir));
    },
    recover: (): Promise<Result<Recovered>> => enqueue(() => recoverAutosave(dataDir)),
  };
}
