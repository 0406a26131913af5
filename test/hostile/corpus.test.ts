import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_DATA_DIR, runDataCase } from './dataCases';
import { runModelCase, type ModelCase } from './modelCases';
import { PROJECT_CORPUS, recoverAgain, runProjectCase, type ProjectCase } from './projectCases';

// The hostile-input corpus (Netron's model-file corpus is the example): broken and hostile project
// files, model.json files and data files under test/fixtures/hostile, each with the message code it
// must get. One test file runs them all through the host's real entry points: a named error, no
// throw, no hang (each case is bounded), nothing written outside the data folder.

interface DataCase {
  file: string;
  code: string;
  why: string;
  /** Words the message must contain (a named problem, not a generic one). */
  says?: string;
}

const HOSTILE_ROOT = join(HOSTILE_DATA_DIR, '..');
const MODEL_CORPUS = join(HOSTILE_ROOT, 'models');
const readManifest = async <T>(folder: string): Promise<T[]> =>
  JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')) as T[];

const projectCases = await readManifest<ProjectCase>(PROJECT_CORPUS);
const modelCases = await readManifest<ModelCase>(MODEL_CORPUS);
const dataCases = await readManifest<DataCase>(HOSTILE_DATA_DIR);

/** Every file under a folder with a hash of its bytes: what "nothing written" compares. */
async function fingerprint(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile())
      out[relative(dir, path)] = createHash('sha256')
        .update(await readFile(path))
        .digest('hex');
  }
  return out;
}

/** Every file under a folder, as paths relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.map((e) => relative(dir, join(e.parentPath, e.name))).sort();
}

/** Messages are words: no raw errno names, no stack traces, no content of system files. */
const rawMessage = (message: string) =>
  /\bE[A-Z]{3,}\b:|\n\s+at |root:x:0:0|secret-text-that-must/.test(message);

let scratch: string;
let corpusBefore: Record<string, string>;
let passwdBefore: number;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'studio-hostile-'));
  corpusBefore = await fingerprint(HOSTILE_ROOT);
  passwdBefore = (await stat('/etc/passwd')).mtimeMs;
});
afterAll(async () => {
  // The corpus is only read, and nothing outside the data folders is touched.
  expect(await fingerprint(HOSTILE_ROOT)).toEqual(corpusBefore);
  expect((await stat('/etc/passwd')).mtimeMs).toBe(passwdBefore);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  await rm(scratch, { recursive: true, force: true });
});

describe('the hostile-input corpus', () => {
  it('holds at least 40 project files, 40 model files and 20 data files, each with a reason', async () => {
    expect(projectCases.length).toBeGreaterThanOrEqual(40);
    expect(modelCases.length).toBeGreaterThanOrEqual(40);
    expect(dataCases.length).toBeGreaterThanOrEqual(20);
    for (const c of [...projectCases, ...modelCases, ...dataCases])
      expect(c.why.length).toBeGreaterThan(5);
    for (const entry of projectCases)
      expect((await stat(join(PROJECT_CORPUS, entry.file))).isFile()).toBe(true);
    expect(new Set(projectCases.map((e) => e.via))).toEqual(new Set(['open', 'recover']));
    // Valid cases among them, so the corpus fails both ways.
    expect(modelCases.filter((c) => c.code === null).length).toBeGreaterThanOrEqual(3);
    const folders = (await readdir(MODEL_CORPUS)).filter((n) => n !== 'manifest.json');
    expect(folders.sort()).toEqual(modelCases.map((c) => c.case).sort());
  });

  it.each(projectCases.map((c) => [c.file, c] as const))(
    'project %s gets its code, writing only into its data folder',
    async (_file, entry) => {
      const parent = await mkdtemp(join(scratch, 'project-'));
      const dataDir = join(parent, 'data');
      const got = await runProjectCase(entry, dataDir);
      expect({ code: got.code, why: entry.why }).toEqual({ code: entry.code, why: entry.why });
      if (entry.warning) expect(got.message).toContain(entry.warning);
      expect(rawMessage(got.message), got.message).toBe(false);
      expect(await readdir(parent)).toEqual(['data']);
      if (entry.via === 'recover' && entry.code !== null) {
        // Moved aside, so the next start does not fail the same way (no crash loop).
        expect((await recoverAgain(dataDir)).code).toBeNull();
        const left = await filesUnder(dataDir);
        expect(
          left.some((f) => f.startsWith('autosave.unreadable-')),
          left.join(', '),
        ).toBe(true);
      }
    },
    20_000,
  );

  it.each(modelCases.map((c) => [c.case, c] as const))(
    'model %s gets its code, writing nothing',
    async (_name, c) => {
      const dataDir = await mkdtemp(join(scratch, 'model-'));
      const got = await runModelCase(join(MODEL_CORPUS, c.case), dataDir);
      expect({ code: got.code, why: c.why }).toEqual({ code: c.code, why: c.why });
      if (c.code !== null) expect(got.message.length).toBeGreaterThan(10);
      expect(rawMessage(got.message), got.message).toBe(false);
      expect(await readdir(dataDir)).toEqual([]);
    },
    10_000,
  );

  it.each(dataCases.map((c) => [c.file, c] as const))(
    'data %s gets its code in browser mode',
    async (_file, c) => {
      const dataDir = await mkdtemp(join(scratch, 'data-'));
      const path = isAbsolute(c.file) ? c.file : join(HOSTILE_DATA_DIR, c.file);
      const got = await runDataCase(path, dataDir);
      expect({ code: got.code, why: c.why }).toEqual({ code: c.code, why: c.why });
      expect(got.message.length).toBeGreaterThan(10);
      if (c.says) expect(got.message).toContain(c.says);
      // A message quotes at most a short cell of the file, never a whole line.
      expect(rawMessage(got.message), got.message).toBe(false);
      expect(relative(scratch, dataDir).startsWith('..')).toBe(false);
    },
    10_000,
  );
});
