import { lstat, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fail, ok, type Result } from '../../../shared/contract/result';
import { decodeJsonText } from '../../../shared/project/limits';
import type { ProjectDraft, StoredWeights } from '../../../shared/project/schema';
import { MAX_UPLOAD_BYTES, sanitizeUploadName } from '../data/upload';
import { writeFileAtomic } from '../files';
import { fsFailure } from '../fsFailure';
import { PROJECT_EXTENSION, parseProjectText, projectFileOf } from './files';

/**
 * A project file's name for the projects folder from the name the browser gave ("My AE
 * (2).aestudio.json" -> "My_AE_2_"): the data upload's sanitizing, without the extension.
 */
export function uploadStem(name: string): string {
  const safe = sanitizeUploadName(name).replace(/(\.aestudio)?\.json$/i, '');
  return safe.replace(/[._-]+$/, '') || 'project';
}

/** The first free name in the folder: x.aestudio.json, then x-2.aestudio.json, … (never replaces). */
async function freeProjectPath(folder: string, stem: string): Promise<string> {
  for (let n = 1; n < 10_000; n += 1) {
    const path = join(folder, `${n === 1 ? stem : `${stem}-${n}`}${PROJECT_EXTENSION}`);
    if (!(await lstat(path).catch(() => null))) return path;
  }
  return join(folder, `${stem}-${Date.now()}${PROJECT_EXTENSION}`);
}

/**
 * Checks uploaded bytes as a project file (the same checks as opening one), then stores them
 * atomically in the projects folder under a new safe name. A broken file is refused before
 * anything is written, with the code and words opening it would give.
 */
export async function storeProjectUpload(
  folder: string,
  name: string,
  bytes: Uint8Array,
): Promise<Result<string>> {
  if (bytes.length === 0) return fail('E_PROJECT', `"${name}" was not opened: the file is empty.`);
  if (bytes.length > MAX_UPLOAD_BYTES) {
    return fail(
      'E_PROJECT_TOO_LARGE',
      `"${name}" is ${(bytes.length / 1024 ** 2).toFixed(1)} MB; projects up to ` +
        `${MAX_UPLOAD_BYTES / 1024 ** 2} MB can be opened from this computer. Put it in the ` +
        `projects folder (${folder}) and open it from the list instead.`,
    );
  }
  const text = decodeJsonText(bytes);
  const checked = text.ok ? parseProjectText(text.value) : text;
  if (!checked.ok) {
    return fail(checked.error.code, `"${name}" was not opened. ${checked.error.message}`);
  }
  try {
    await mkdir(folder, { recursive: true });
    const path = await freeProjectPath(folder, uploadStem(name));
    await writeFileAtomic(path, bytes);
    return ok(path);
  } catch (error) {
    return fsFailure(error, `store "${name}" in the projects folder`);
  }
}

/** The bytes of the project file a save would write now (for the browser to download). */
export function projectFileBytes(
  draft: ProjectDraft,
  weights: StoredWeights | null,
): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(JSON.stringify(projectFileOf(draft, weights)));
}
