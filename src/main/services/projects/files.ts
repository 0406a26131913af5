import { readFile, stat } from 'node:fs/promises';
import { migrateDocument } from '../../../shared/graph/migrate';
import { fail, ok, type Result } from '../../../shared/contract/result';
import {
  PROJECT_FORMAT,
  PROJECT_VERSION,
  projectFileSchema,
  type ProjectDraft,
  type ProjectFile,
  type StoredWeights,
} from '../../../shared/project/schema';
import { writeFileAtomic } from '../files';
import { APP_VERSION } from '../version';

const MAX_PROJECT_BYTES = 1024 * 1024 * 1024;
export const PROJECT_EXTENSION = '.aestudio.json';

/** Reads and checks a project file; every way it can be wrong gets its own message. */
export async function readProjectFile(path: string): Promise<Result<ProjectFile>> {
  let text: string;
  try {
    const info = await stat(path);
    if (!info.isFile()) return fail('E_PROJECT', `"${path}" is a folder, not a project file.`);
    if (info.size > MAX_PROJECT_BYTES)
      return fail('E_PROJECT', 'This project file is larger than 1 GB; it cannot be opened.');
    text = await readFile(path, 'utf8');
  } catch {
    return fail('E_NOT_FOUND', `There is no project file at "${path}".`);
  }
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

/** Writes a project file atomically, refusing to replace a file that is not a project of this version. */
export async function writeProjectFile(
  path: string,
  draft: ProjectDraft,
  weights: StoredWeights | null,
): Promise<Result<{ savedAt: string }>> {
  const existing = await stat(path).catch(() => null);
  if (existing) {
    const current = await readProjectFile(path);
    if (!current.ok && current.error.code === 'E_PROJECT') {
      return fail(
        'E_PROJECT',
        `Not saved: "${path}" exists and is not a project this app can replace. ${current.error.message}`,
      );
    }
  }
  const savedAt = new Date().toISOString();
  const file: ProjectFile = {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    appVersion: APP_VERSION,
    savedAt,
    ...draft,
    weights,
  };
  await writeFileAtomic(path, JSON.stringify(file));
  return ok({ savedAt });
}

/** Weights as stored in a project: base64 of the float32 bytes. */
export function encodeWeights(
  runId: string,
  tensors: StoredWeights['tensors'],
  data: Float32Array,
): StoredWeights {
  return {
    runId,
    tensors,
    data: Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64'),
  };
}

export function decodeWeights(weights: StoredWeights): Float32Array<ArrayBuffer> {
  const bytes = Buffer.from(weights.data, 'base64');
  const out = new Float32Array(bytes.byteLength / 4);
  new Uint8Array(out.buffer).set(bytes.subarray(0, out.length * 4));
  return out;
}
