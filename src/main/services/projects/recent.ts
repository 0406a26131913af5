import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { checkJsonShape, decodeJsonText } from '../../../shared/project/limits';
import { writeFileAtomic } from '../files';
import { fsFailure } from '../fsFailure';

const recentSchema = z
  .array(z.object({ name: z.string().max(200), path: z.string().max(4096) }))
  .max(20);
export type RecentProjects = z.infer<typeof recentSchema>;
const MAX_RECENT = 10;
const MAX_RECENT_CHARS = 1024 * 1024;

const recentPath = (dataDir: string) => join(dataDir, 'recent.json');

/** The recent list, or an empty one when it is missing, damaged or unreadable. */
export async function readRecent(dataDir: string): Promise<RecentProjects> {
  try {
    const text = decodeJsonText(await readFile(recentPath(dataDir)));
    if (!text.ok || !checkJsonShape(text.value, MAX_RECENT_CHARS).ok) return [];
    const parsed = recentSchema.safeParse(JSON.parse(text.value));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/**
 * Puts a project at the top of the recent list. Best-effort: the list is a convenience, so a
 * read-only or full data folder returns a warning in words instead of failing the open or save.
 */
export async function rememberRecent(
  dataDir: string,
  name: string,
  path: string,
): Promise<string | null> {
  const recent = [
    { name, path },
    ...(await readRecent(dataDir)).filter((r) => r.path !== path),
  ].slice(0, MAX_RECENT);
  try {
    await mkdir(dataDir, { recursive: true });
    await writeFileAtomic(recentPath(dataDir), JSON.stringify(recent));
    return null;
  } catch (error) {
    const failed = fsFailure(error, `remember this project in the recent list (${dataDir})`);
    return failed.ok ? null : failed.error.message;
  }
}
