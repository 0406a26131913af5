import { readFile, stat } from 'node:fs/promises';
import type { GraphDocument } from '../../../shared/graph/document';
import { migrateDocument } from '../../../shared/graph/migrate';
import { fail, ok, type Result } from '../../../shared/contract/result';
import { checkJsonShape, decodeJsonText } from '../../../shared/project/limits';
import {
  PROJECT_FORMAT,
  PROJECT_VERSION,
  projectFileSchema,
  type ProjectDraft,
  type ProjectFile,
  type StoredWeights,
} from '../../../shared/project/schema';
import { writeFileAtomic } from '../files';
import { fsFailure } from '../fsFailure';
import { APP_VERSION } from '../version';
import { checkWeights } from './weights';

/** Under V8's longest string (2^29 - 24 characters): a larger file could not even be decoded. */
export const MAX_PROJECT_BYTES = 500 * 1024 * 1024;
export const PROJECT_EXTENSION = '.aestudio.json';

export { decodeWeights, encodeWeights } from './weights';

/** A project as read: its graph migrated to the current version and checked. */
export type ReadProject = Omit<ProjectFile, 'graph'> & { graph: GraphDocument };

/** Reads the text of a project file: UTF-8 with or without a byte order mark. */
async function readProjectText(path: string): Promise<Result<string>> {
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (!info.isFile())
      return fail(
        'E_PROJECT',
        `"${path}" is not a project file (it is a folder or a device, not a plain file).`,
      );
    if (info.size > MAX_PROJECT_BYTES)
      return fail(
        'E_PROJECT_TOO_LARGE',
        'This project file is larger than 500 MB; it cannot be opened.',
      );
    bytes = await readFile(path);
  } catch (error) {
    const failed = fsFailure<string>(error, `read "${path}"`);
    if (!failed.ok && failed.error.code === 'E_NOT_FOUND')
      return fail('E_NOT_FOUND', `There is no project file at "${path}".`);
    return failed;
  }
  return decodeJsonText(bytes);
}

/** A refusal to open says the file was not touched. */
const leftAsItIs = <T>(failed: Result<T> & { ok: false }): Result<never> =>
  failed.error.code === 'E_PROJECT' || failed.error.code === 'E_PROJECT_TOO_LARGE'
    ? fail(failed.error.code, `${failed.error.message} It was left as it is.`)
    : failed;

/** Reads and checks a project file; every way it can be wrong gets its own message. */
export async function readProjectFile(path: string): Promise<Result<ReadProject>> {
  const text = await readProjectText(path);
  if (!text.ok) return leftAsItIs(text);
  return parseProjectText(text.value);
}

/** Checks a project file's text (its depth, format, version, fields and graph) as a file is read. */
export function parseProjectText(text: string): Result<ReadProject> {
  const shape = checkJsonShape(text, MAX_PROJECT_BYTES);
  if (!shape.ok) return leftAsItIs(shape);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail(
      'E_PROJECT',
      'This file is damaged or is not an Autoencoder Studio project (it is not readable JSON). It was left as it is.',
    );
  }
  const head = raw as { format?: unknown; version?: unknown } | null;
  if (head === null || typeof head !== 'object' || head.format !== PROJECT_FORMAT) {
    return fail(
      'E_PROJECT',
      'This file is not an Autoencoder Studio project. It was left as it is.',
    );
  }
  if (typeof head.version === 'number' && head.version > PROJECT_VERSION) {
    return fail(
      'E_PROJECT',
      `This project was saved by a newer version of Autoencoder Studio (file version ${head.version}, this app reads up to ${PROJECT_VERSION}). Update the app to open it; the file was left as it is.`,
    );
  }
  const parsed = projectFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(
      'E_PROJECT',
      `This project file is damaged (${issue.path.join('.') || 'file'}: ${issue.message}). It was left as it is.`,
    );
  }
  const graph = migrateDocument(parsed.data.graph);
  if (!graph.ok)
    return fail('E_PROJECT', `The design in this project cannot be read: ${graph.error.message}`);
  return ok({ ...parsed.data, graph: graph.value });
}

/**
 * Writes a project file atomically. An existing file is replaced only when it reads as a project
 * of this version with readable weights, or when `replaceDamagedWeights` says the person opened
 * this very file, was told its weights were damaged, and saves over it.
 */
export async function writeProjectFile(
  path: string,
  draft: ProjectDraft,
  weights: StoredWeights | null,
  replaceDamagedWeights = false,
): Promise<Result<{ savedAt: string }>> {
  const existing = await stat(path).catch(() => null);
  if (existing) {
    const current = await readProjectFile(path);
    if (!current.ok) {
      return fail(
        current.error.code,
        `Not saved: "${path}" exists and is not a project this app can replace. ${current.error.message}`,
      );
    }
    const stored = current.value.weights ? checkWeights(current.value.weights) : ok(null);
    if (!stored.ok && !replaceDamagedWeights) {
      return fail(
        'E_PROJECT',
        `Not saved: "${path}" holds trained weights that could not be read, and saving would replace them. Open that project first, or save under another name. ${stored.error.message}`,
      );
    }
  }
  const file = projectFileOf(draft, weights);
  const { savedAt } = file;
  try {
    await writeFileAtomic(path, JSON.stringify(file));
  } catch (error) {
    return fsFailure(error, `save the project to "${path}"`);
  }
  return ok({ savedAt });
}

/** The file a save writes: the draft and its weights under this version's header. */
export function projectFileOf(draft: ProjectDraft, weights: StoredWeights | null): ProjectFile {
  return {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    appVersion: APP_VERSION,
    savedAt: new Date().toISOString(),
    ...draft,
    weights,
  };
}
