import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PRESET_ID, getPreset } from '../../shared/presets';
import { dispatchCommand } from '../../shared/contract/dispatch';
import type { ImportSourceSpec } from '../../shared/contract/dataSources';
import type { Result } from '../../shared/contract/result';
import type { ProjectDraft } from '../../shared/project/schema';
import { createStudioHost, type StudioHost } from '../services/host';
import { spawnNodeTrainer } from '../services/trainer/spawnNode';
import { PathGrants } from './grants';
import { guardPaths, type GuardOptions } from './guardPaths';

const preset = getPreset(DEFAULT_PRESET_ID)!;
const draft = (file: ImportSourceSpec | null = null): ProjectDraft => ({
  name: 'Guarded',
  graph: preset.graph,
  settings: preset.settings,
  data: { ...preset.data, source: file ? 'file' : 'mnist', file },
  procedure: null,
  runs: [],
});

let host: StudioHost | null = null;
afterEach(() => host?.dispose());

/** The real host as Electron builds it, behind the guard; `dialogAnswer` is what the dialog returns. */
async function electronStudio(options: GuardOptions = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'studio-guard-'));
  let dialogAnswer: string | null = null;
  host = createStudioHost({
    shell: 'electron',
    version: 'test',
    // Never started: no command used here reaches the trainer.
    spawnTrainer: spawnNodeTrainer(join(dir, 'no-trainer.js')),
    dataDir: join(dir, 'app'),
    choosePath: async () => dialogAnswer,
  });
  const handlers = guardPaths(host.handlers, new PathGrants(), options);
  const invoke = (command: string, payload: unknown): Promise<Result<Record<string, unknown>>> =>
    dispatchCommand(handlers, command, payload) as Promise<Result<Record<string, unknown>>>;
  const csv = join(dir, 'numbers.csv');
  await writeFile(csv, 'a,b\n0,1\n1,0\n0.5,0.5\n1,1\n');
  return { dir, invoke, csv, answerDialog: (path: string | null) => (dialogAnswer = path) };
}

const saveRequest = (path: string | null, file: ImportSourceSpec | null = null) => ({
  project: draft(file),
  path,
  weightsOfRun: null,
});

describe('guardPaths: project files', () => {
  it('refuses project.save to a path no dialog returned, and creates no file or folder', async () => {
    const { dir, invoke } = await electronStudio();
    const target = join(dir, 'made-up', 'folder', 'evil.aestudio.json');
    const saved = await invoke('project.save', saveRequest(target));
    expect(saved.ok).toBe(false);
    if (saved.ok) return;
    expect(saved.error.code).toBe('E_PATH_NOT_ALLOWED');
    expect(saved.error.message).toContain('Save As');
    expect(existsSync(join(dir, 'made-up'))).toBe(false);
  });

  it('saves where the native save dialog answered this session', async () => {
    const { dir, invoke, answerDialog } = await electronStudio();
    const target = join(dir, 'chosen.aestudio.json');
    answerDialog(target);
    const chosen = await invoke('project.choosePath', { mode: 'save', suggestedName: 'x' });
    expect(chosen).toEqual({ ok: true, value: { path: target } });
    const saved = await invoke('project.save', saveRequest(target));
    expect(saved.ok).toBe(true);
    expect(existsSync(target)).toBe(true);
  });

  it('treats a granted path and its unnormalized spelling as the same file', async () => {
    const { dir, invoke, answerDialog } = await electronStudio();
    answerDialog(join(dir, 'sub', '..', 'same.aestudio.json'));
    await invoke('project.choosePath', { mode: 'save', suggestedName: 'x' });
    const saved = await invoke('project.save', saveRequest(join(dir, 'same.aestudio.json')));
    expect(saved.ok).toBe(true);
  });

  it('opens a project the host lists (recent or projects folder) and refuses any other', async () => {
    const first = await electronStudio();
    const saved = await first.invoke('project.save', saveRequest(null));
    expect(saved.ok).toBe(true);
    const path = saved.ok ? (saved.value.path as string) : '';

    // A new session: nothing granted until the host lists its recent projects.
    const handlers = guardPaths(host!.handlers, new PathGrants());
    const invoke = (c: string, p: unknown) => dispatchCommand(handlers, c, p);
    const before = await invoke('project.open', { path });
    expect(before.ok ? null : before.error.code).toBe('E_PATH_NOT_ALLOWED');
    expect((await invoke('project.list', {})).ok).toBe(true);
    expect((await invoke('project.open', { path })).ok).toBe(true);
    const other = await invoke('project.open', { path: join(first.dir, 'x.aestudio.json') });
    expect(other.ok ? null : other.error.code).toBe('E_PATH_NOT_ALLOWED');
  });

  it('refuses a crash-recovery copy that names a project path nobody chose', async () => {
    const { dir, invoke } = await electronStudio();
    const autosaved = await invoke('project.autosave', {
      project: draft(),
      path: join(dir, 'elsewhere.aestudio.json'),
    });
    expect(autosaved.ok ? null : autosaved.error.code).toBe('E_PATH_NOT_ALLOWED');
    expect((await invoke('project.autosave', { project: draft(), path: null })).ok).toBe(true);
  });
});

describe('guardPaths: data files', () => {
  it('refuses data.describe and train.start on a data file nobody chose, before reading it', async () => {
    const { invoke, csv } = await electronStudio();
    const data = { source: 'file', file: { kind: 'csv', path: csv } };
    const described = await invoke('data.describe', { data });
    expect(described.ok ? null : described.error.code).toBe('E_PATH_NOT_ALLOWED');
    const started = await invoke('train.start', {
      graph: preset.graph,
      settings: preset.settings,
      data,
    });
    expect(started.ok ? null : started.error.code).toBe('E_PATH_NOT_ALLOWED');
  });

  it('refuses to save a project that names a data file nobody chose', async () => {
    const { invoke, csv } = await electronStudio();
    const saved = await invoke('project.save', saveRequest(null, { kind: 'csv', path: csv }));
    expect(saved.ok ? null : saved.error.code).toBe('E_PATH_NOT_ALLOWED');
  });

  it('reads a typed-in data file once the person allows it, asking once for requests at the same time', async () => {
    const asked: string[] = [];
    const { invoke, csv } = await electronStudio({
      confirmRead: async (path) => (asked.push(path), true),
    });
    const data = { source: 'file', file: { kind: 'csv', path: csv } };
    const [a, b] = await Promise.all([
      invoke('data.describe', { data }),
      invoke('data.describe', { data }),
    ]);
    expect(a.ok && b.ok).toBe(true);
    expect((await invoke('data.describe', { data })).ok).toBe(true);
    expect(asked).toEqual([csv]);
  });

  it('refuses a typed-in data file the person did not allow', async () => {
    const { invoke, csv } = await electronStudio({ confirmRead: async () => false });
    const data = { source: 'file', file: { kind: 'csv', path: csv } };
    const described = await invoke('data.describe', { data });
    expect(described.ok ? null : described.error.code).toBe('E_PATH_NOT_ALLOWED');
  });

  it('grants the data file named by a project the person opened', async () => {
    const { dir, invoke, csv, answerDialog } = await electronStudio({
      confirmRead: async () => true,
    });
    const target = join(dir, 'with-data.aestudio.json');
    answerDialog(target);
    await invoke('project.choosePath', { mode: 'save', suggestedName: 'x' });
    expect((await invoke('project.save', saveRequest(target, { kind: 'csv', path: csv }))).ok).toBe(
      true,
    );

    // A new session that opens the project through the dialog may read the data it names.
    const handlers = guardPaths(host!.handlers, new PathGrants());
    const fresh = (c: string, p: unknown) => dispatchCommand(handlers, c, p);
    await fresh('project.choosePath', { mode: 'open', suggestedName: '' });
    expect((await fresh('project.open', { path: target })).ok).toBe(true);
    const data = { source: 'file', file: { kind: 'csv', path: csv } };
    expect((await fresh('data.describe', { data })).ok).toBe(true);
  });

  it('reads back a data file the page uploaded into the host folder, without asking', async () => {
    const { invoke } = await electronStudio();
    const bytes = new TextEncoder().encode('a,b\n0,1\n1,0\n0.5,0.5\n1,1\n');
    const uploaded = await invoke('data.upload', { name: 'mine.csv', bytes });
    expect(uploaded.ok).toBe(true);
    if (!uploaded.ok) return;
    const data = { source: 'file', file: { kind: 'csv', path: uploaded.value.path } };
    expect((await invoke('data.describe', { data })).ok).toBe(true);
  });
});
