import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { memoryStudio } from '../helpers';

/** One row of test/fixtures/hostile/projects/manifest.json. */
export interface ProjectCase {
  file: string;
  /** The error code the case must answer; null: it opens (perhaps with a warning). */
  code: string | null;
  via: 'open' | 'recover';
  why: string;
  /** Words the reply's warning must contain (a case that opens without its weights). */
  warning?: string;
  /** After it opens, describe its data: the data paths are checked there. */
  then?: 'describe';
}

export const PROJECT_CORPUS = fileURLToPath(
  new URL('../fixtures/hostile/projects/', import.meta.url),
);

/**
 * Runs one corpus case through the real host commands in browser mode, the strictest shell: the
 * fixture is copied into a fresh data folder (a recover case as autosave.json) and opened or
 * recovered. Returns the error code (null when it succeeded) and the message or warning.
 */
export async function runProjectCase(
  entry: ProjectCase,
  dataDir: string,
): Promise<{ code: string | null; message: string }> {
  const { host, client } = memoryStudio({ shell: 'browser', dataDir });
  try {
    const source = join(PROJECT_CORPUS, entry.file);
    if (entry.via === 'recover') {
      await mkdir(dataDir, { recursive: true });
      await copyFile(source, join(dataDir, 'autosave.json'));
      const r = await client.invoke('project.recover', {});
      return r.ok ? { code: null, message: '' } : { code: r.error.code, message: r.error.message };
    }
    const path = join(dataDir, 'projects', entry.file);
    await mkdir(join(dataDir, 'projects'), { recursive: true });
    await copyFile(source, path);
    const r = await client.invoke('project.open', { path });
    if (!r.ok) return { code: r.error.code, message: r.error.message };
    if (entry.then === 'describe') {
      const d = await client.invoke('data.describe', { data: r.value.project.data });
      return d.ok ? { code: null, message: '' } : { code: d.error.code, message: d.error.message };
    }
    return { code: null, message: r.value.warning ?? '' };
  } finally {
    host.dispose();
  }
}

/** A second recover in the same data folder: what the next start of the app would get. */
export async function recoverAgain(dataDir: string): Promise<{ code: string | null }> {
  const { host, client } = memoryStudio({ shell: 'browser', dataDir });
  try {
    const r = await client.invoke('project.recover', {});
    return { code: r.ok ? null : r.error.code };
  } finally {
    host.dispose();
  }
}
