import { fork } from 'node:child_process';
import {
  lutimes,
  mkdir,
  mkdtemp,
  open,
  readdir,
  readFile,
  symlink,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterEach, describe, expect, it } from 'vitest';
import { createStudioHost, type StudioHost } from '../src/main/services/host';
import { prepareData } from '../src/main/services/data/prepare';
import { atomicWriteSeam } from '../src/main/services/files';
import { buildModel } from '../src/main/services/model';
import { readProjectFile } from '../src/main/services/projects/files';
import { initBackend } from '../src/main/services/tf/backend';
import { writeCheckpoint } from '../src/main/services/trainer/checkpoint';
import { runTraining } from '../src/main/services/trainer/loop';
import { makeOptimizer } from '../src/main/services/trainer/optimizer';
import { spawnNodeTrainer } from '../src/main/services/trainer/spawnNode';
import { StudioClient } from '../src/shared/contract/client';
import { memoryTransport } from '../src/shared/contract/memory';
import { dataSpecSchema } from '../src/shared/contract/training';
import { checkJsonShape } from '../src/shared/project/limits';
import type { ProjectDraft } from '../src/shared/project/schema';
import { DEFAULT_PRESET_ID, getPreset } from '../src/shared/presets';
import { builtTrainer, nextEvent } from './helpers';

const preset = getPreset(DEFAULT_PRESET_ID)!;
const draft = (name = 'My autoencoder'): ProjectDraft => ({
  name,
  graph: preset.graph,
  settings: preset.settings,
  data: preset.data,
  procedure: null,
  runs: [],
});

let host: StudioHost | null = null;
afterEach(() => host?.dispose());

async function studio(shell: 'memory' | 'browser' = 'memory') {
  const dataDir = await mkdtemp(join(tmpdir(), 'studio-projects-'));
  host = createStudioHost({
    shell,
    version: 'test',
    spawnTrainer: spawnNodeTrainer(builtTrainer),
    dataDir,
  });
  const h = host;
  return { dataDir, client: new StudioClient(memoryTransport(h.handlers, (l) => h.onEvent(l))) };
}

/** Trains the default preset one epoch on 600 digits; resolves with the ended run's id. */
async function trainOneEpoch(client: StudioClient): Promise<string> {
  const ended = nextEvent(client, 'train.ended');
  const started = await client.invoke('train.start', {
    graph: preset.graph,
    settings: { ...preset.settings, epochs: 1, batchSize: 64 },
    data: { limit: 600 },
  });
  if (!started.ok) throw new Error(started.error.message);
  await ended;
  return started.value.runId;
}

describe('project files', () => {
  it('saves into the projects folder and opens the same graph, settings and positions', async () => {
    const { client } = await studio();
    const saved = await client.invoke('project.save', {
      project: draft(),
      path: null,
      weightsOfRun: null,
    });
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(saved.value.path).toMatch(/My autoencoder\.aestudio\.json$/);
    const opened = await client.invoke('project.open', { path: saved.value.path });
    expect(opened.ok && opened.value.project.graph).toEqual(preset.graph);
    expect(opened.ok && opened.value.loadedRunId).toBeNull();
    const list = await client.invoke('project.list', {});
    expect(list.ok && list.value.projects.map((p) => p.name)).toEqual(['My autoencoder']);
    expect(list.ok && list.value.recent[0].path).toBe(saved.value.path);
  });

  it('keeps trained weights: a reopened project decodes like the trained one', async () => {
    const { client } = await studio();
    const runId = await trainOneEpoch(client);
    const point = new Float32Array(32).fill(0.5);
    const before = await client.invoke('model.decode', {
      runId,
      points: point,
      count: 1,
    });
    const saved = await client.invoke('project.save', {
      project: draft(),
      path: null,
      weightsOfRun: runId,
    });
    expect(saved.ok && saved.value.withWeights).toBe(true);
    const opened = await client.invoke('project.open', {
      path: saved.ok ? saved.value.path : '',
    });
    if (!opened.ok || !opened.value.loadedRunId) throw new Error('no weights loaded');
    const after = await client.invoke('model.decode', {
      runId: opened.value.loadedRunId,
      points: point,
      count: 1,
    });
    expect(before.ok && after.ok).toBe(true);
    if (before.ok && after.ok)
      expect(Array.from(after.value.images)).toEqual(Array.from(before.value.images));
  });

  it('decodes as bytes what it decodes as floats: each value clipped to 0..1, times 255, rounded', async () => {
    const { client } = await studio();
    const runId = await trainOneEpoch(client);
    const count = 6;
    const points = Float32Array.from({ length: count * 32 }, (_, i) => Math.sin(i * 1.7) * 3);
    const asked = { runId, points, count };
    const floats = await client.invoke('model.decode', asked);
    const bytes = await client.invoke('model.decode', { ...asked, pixels: 'byte' });
    if (!floats.ok || !bytes.ok) throw new Error('a decode failed');
    expect(floats.value.images).toBeInstanceOf(Float32Array);
    expect(bytes.value.images).toBeInstanceOf(Uint8Array);
    expect(bytes.value.shape).toEqual(floats.value.shape);
    expect(bytes.value.images.length).toBe(count * 784);
    const f = floats.value.images;
    const expected = Array.from(f, (v) => Math.round(Math.min(1, Math.max(0, v)) * 255));
    const worst = Math.max(...Array.from(bytes.value.images, (b, i) => Math.abs(b - expected[i])));
    expect(worst).toBe(0);
    // The decode drew something: neither all black nor all white.
    expect(new Set(bytes.value.images).size).toBeGreaterThan(50);
  });

  it('explains a broken file and a newer version, and does not overwrite them', async () => {
    const { client, dataDir } = await studio();
    const broken = join(dataDir, 'broken.aestudio.json');
    await writeFile(broken, '{"format": "autoencoder-studio-project", "version": 1, "name": ');
    const a = await client.invoke('project.open', { path: broken });
    expect(a.ok ? '' : a.error.message).toMatch(/damaged/);
    const save = await client.invoke('project.save', {
      project: draft(),
      path: broken,
      weightsOfRun: null,
    });
    expect(save.ok).toBe(false);
    expect(await readFile(broken, 'utf8')).toContain('"name": ');

    const newer = join(dataDir, 'newer.aestudio.json');
    await writeFile(
      newer,
      JSON.stringify({ format: 'autoencoder-studio-project', version: 99, name: 'x' }),
    );
    const b = await client.invoke('project.open', { path: newer });
    expect(b.ok ? '' : b.error.message).toMatch(/newer version/);
    const notProject = join(dataDir, 'photo.json');
    await writeFile(notProject, '{"hello": 1}');
    const c = await client.invoke('project.open', { path: notProject });
    expect(c.ok ? '' : c.error.message).toMatch(/not an Autoencoder Studio project/);
  });

  it('in browser mode refuses paths outside the projects folder', async () => {
    const { client } = await studio('browser');
    const r = await client.invoke('project.open', { path: '/etc/passwd' });
    expect(r).toMatchObject({ ok: false, error: { code: 'E_UNSUPPORTED' } });
  });

  it('offers back the autosave copy of an earlier session', async () => {
    const { client, dataDir } = await studio();
    await client.invoke('project.autosave', { project: draft('Edited'), path: null });
    host?.dispose();
    const h2 = createStudioHost({
      shell: 'memory',
      version: 'test',
      spawnTrainer: spawnNodeTrainer(builtTrainer),
      dataDir,
    });
    host = h2;
    const c2 = new StudioClient(memoryTransport(h2.handlers, (l) => h2.onEvent(l)));
    const rec = await c2.invoke('project.recover', {});
    expect(rec.ok && rec.value.project?.name).toBe('Edited');
    await c2.invoke('project.discardRecovery', {});
    const none = await c2.invoke('project.recover', {});
    expect(none.ok && none.value.project).toBeNull();
  });
});

describe('atomic saving', () => {
  it('never leaves a file that fails to open when the process is killed during saves', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'studio-atomic-'));
    const target = join(dir, 'p.aestudio.json');
    const script = join(dir, 'saver.mjs');
    // The real writeFileAtomic, transpiled from its source, saving big projects in a loop until killed.
    const source = await readFile(
      new URL('../src/main/services/files.ts', import.meta.url),
      'utf8',
    );
    await writeFile(
      join(dir, 'files.mjs'),
      ts.transpileModule(source, {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      }).outputText,
    );
    await writeFile(
      script,
      `import { writeFileAtomic } from './files.mjs';
       const target = process.argv[2];
       const graph = ${JSON.stringify(JSON.stringify(preset.graph))};
       const body = (i) => JSON.stringify({ format: 'autoencoder-studio-project', version: 1, appVersion: 't', savedAt: String(i),
         name: 'n' + i, graph: JSON.parse(graph), settings: {}, data: {}, procedure: null, runs: [],
         weights: { runId: 'r', tensors: [], data: 'A'.repeat(200000 + i) } });
       process.send('ready');
       for (let i = 0; ; i++) await writeFileAtomic(target, body(i));`,
    );
    for (let round = 0; round < 6; round++) {
      const child = fork(script, [target], { stdio: 'ignore' });
      await new Promise((resolve) => child.once('message', resolve));
      await new Promise((resolve) => setTimeout(resolve, 40 + round * 23));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      const read = await readProjectFile(target);
      // A complete file every time: the stub settings are filled with defaults and the graph migrates.
      if (round > 0 || read.ok)
        expect(read.ok ? read.value.name : read.error.message).toMatch(/^n\d+$/);
    }
  });
});

const projectText = (weights: unknown = null) =>
  JSON.stringify({
    format: 'autoencoder-studio-project',
    version: 1,
    appVersion: 'test',
    savedAt: '2026-01-01T00:00:00.000Z',
    ...draft('Stored'),
    weights,
  });
const nanWeights = {
  runId: 'r1',
  tensors: [{ name: 'encoder/kernel', shape: [2] }],
  data: Buffer.from(new Float32Array([1, Number.NaN]).buffer).toString('base64'),
};
/** A real read-only place, also for root: the kernel refuses to create anything under /sys. */
const READ_ONLY_DIR = '/sys/autoencoder-studio-test';

async function studioIn(dataDir: string, shell: 'memory' | 'browser' = 'memory') {
  host?.dispose();
  const h = createStudioHost({
    shell,
    version: 'test',
    spawnTrainer: spawnNodeTrainer(builtTrainer),
    dataDir,
  });
  host = h;
  return new StudioClient(memoryTransport(h.handlers, (l) => h.onEvent(l)));
}

describe('damaged and hostile project files', () => {
  it('moves a 100,000-deep autosave aside with E_PROJECT_TOO_LARGE, and the next start finds none', async () => {
    const { client, dataDir } = await studio();
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    await writeFile(
      join(dataDir, 'autosave.json'),
      `{"savedAt":"x","path":null,"project":{"name":"a","graph":${deep},"settings":{},"data":{}}}`,
    );
    const first = await client.invoke('project.recover', {});
    expect(first).toMatchObject({ ok: false, error: { code: 'E_PROJECT_TOO_LARGE' } });
    expect(first.ok ? '' : first.error.message).toMatch(/moved aside/);
    expect((await readdir(dataDir)).some((n) => n.startsWith('autosave.unreadable-'))).toBe(true);
    const second = await client.invoke('project.recover', {});
    expect(second).toEqual({ ok: true, value: { project: null, path: null, savedAt: null } });
  });

  it('opens a project file that starts with a UTF-8 byte order mark', async () => {
    const { client, dataDir } = await studio();
    const path = join(dataDir, 'bom.aestudio.json');
    await writeFile(path, '\uFEFF' + projectText());
    const opened = await client.invoke('project.open', { path });
    expect(opened.ok ? opened.value.project.name : opened.error.message).toBe('Stored');
  });

  it('opens a project whose weights hold NaN without them, naming the weight', async () => {
    const { client, dataDir } = await studio();
    const path = join(dataDir, 'nan.aestudio.json');
    await writeFile(path, projectText(nanWeights));
    const opened = await client.invoke('project.open', { path });
    expect(opened.ok && opened.value.loadedRunId).toBeNull();
    expect(opened.ok ? opened.value.warning : opened.error.message).toMatch(
      /weight "encoder\/kernel".*not a finite number/,
    );
  });

  it('never replaces a file whose weights cannot be read, unless the person opened it and was told', async () => {
    const { client, dataDir } = await studio();
    const path = join(dataDir, 'projects', 'nan.aestudio.json');
    await mkdir(join(dataDir, 'projects'), { recursive: true });
    await writeFile(path, projectText(nanWeights));
    const save = () =>
      client.invoke('project.save', { project: draft('New'), path, weightsOfRun: null });
    expect(await save()).toMatchObject({ ok: false, error: { code: 'E_PROJECT' } });
    expect(await readFile(path, 'utf8')).toBe(projectText(nanWeights));
    const opened = await client.invoke('project.open', { path });
    expect(opened.ok && opened.value.warning).toMatch(/damaged/);
    expect((await save()).ok).toBe(true);
  });

  it('does not list or open a symlink in the projects folder that leads out of it', async () => {
    const { client, dataDir } = await studio();
    const outside = join(dataDir, 'outside.aestudio.json');
    await writeFile(outside, projectText());
    await mkdir(join(dataDir, 'projects'), { recursive: true });
    const link = join(dataDir, 'projects', 'link.aestudio.json');
    await symlink(outside, link);
    const list = await client.invoke('project.list', {});
    expect(list.ok && list.value.projects).toEqual([]);
    const opened = await client.invoke('project.open', { path: link });
    expect(opened).toMatchObject({ ok: false, error: { code: 'E_PATH_NOT_ALLOWED' } });
    await symlink(dataDir, join(dataDir, 'projects', 'sub'));
    const viaFolder = await client.invoke('project.open', {
      path: join(dataDir, 'projects', 'sub', 'outside.aestudio.json'),
    });
    expect(viaFolder).toMatchObject({ ok: false, error: { code: 'E_PATH_NOT_ALLOWED' } });
  });
});

describe('the depth scan', () => {
  it('counts brackets inside strings as text, escaped quotes included, and refuses depth 65', () => {
    const inString = JSON.stringify({ a: '[[[[{{{{\\"]]]'.repeat(100) });
    expect(checkJsonShape(inString, 1e6).ok).toBe(true);
    expect(checkJsonShape('['.repeat(64) + ']'.repeat(64), 1e6).ok).toBe(true);
    expect(checkJsonShape('['.repeat(65) + ']'.repeat(65), 1e6)).toMatchObject({
      ok: false,
      error: { code: 'E_PROJECT_TOO_LARGE' },
    });
  });
});

describe('a data folder on a bad disk', () => {
  afterEach(() => {
    atomicWriteSeam.openTemp = (path) => open(path, 'wx');
  });

  it('opens a valid project from a read-only data folder, warning in words (E_READ_ONLY)', async () => {
    const place = await mkdtemp(join(tmpdir(), 'studio-ro-'));
    const path = join(place, 'p.aestudio.json');
    await writeFile(path, projectText());
    const client = await studioIn(READ_ONLY_DIR);
    const opened = await client.invoke('project.open', { path });
    expect(opened.ok && opened.value.project.name).toBe('Stored');
    expect(opened.ok && opened.value.warning).toMatch(/read-only or this app is not allowed/);
    expect(opened.ok && opened.value.warning).not.toMatch(/EPERM|EACCES|EROFS/);
    const list = await client.invoke('project.list', {});
    expect(list.ok && list.value.warning).toMatch(/read-only/);
    const autosave = await client.invoke('project.autosave', { project: draft(), path: null });
    expect(autosave).toMatchObject({ ok: false, error: { code: 'E_READ_ONLY' } });
    const recovered = await client.invoke('project.recover', {});
    expect(recovered.ok && recovered.value.project).toBeNull();
    const saved = await client.invoke('project.save', {
      project: draft(),
      path: join(READ_ONLY_DIR, 'p.aestudio.json'),
      weightsOfRun: null,
    });
    expect(saved).toMatchObject({ ok: false, error: { code: 'E_READ_ONLY' } });
  });

  it('answers E_DISK_FULL in words when the disk is full, and leaves no temporary file', async () => {
    const { client, dataDir } = await studio();
    // The temporary file is created for real; its writes go to /dev/full, whose ENOSPC is the kernel's.
    atomicWriteSeam.openTemp = async (path) => {
      await (await open(path, 'wx')).close();
      return open('/dev/full', 'w');
    };
    const saved = await client.invoke('project.save', {
      project: draft(),
      path: null,
      weightsOfRun: null,
    });
    expect(saved).toMatchObject({ ok: false, error: { code: 'E_DISK_FULL' } });
    expect(saved.ok ? '' : saved.error.message).toMatch(/disk is full/);
    expect((await readdir(join(dataDir, 'projects'))).filter((n) => n.endsWith('.tmp'))).toEqual(
      [],
    );
  });

  it('removes stale temporary files of its own pattern at start, and nothing else', async () => {
    const { client, dataDir } = await studio();
    const projects = join(dataDir, 'projects');
    await mkdir(projects, { recursive: true });
    const old = new Date(Date.now() - 10 * 60_000);
    const stale = join(projects, 'a.aestudio.json.0123456789ab.tmp');
    const fresh = join(dataDir, 'recent.json.abcdef012345.tmp');
    const foreign = join(projects, 'notes.tmp');
    const keep = join(dataDir, 'keep.txt');
    const link = join(dataDir, 'autosave.json.00000000000a.tmp');
    for (const f of [stale, fresh, foreign, keep]) await writeFile(f, 'x');
    await symlink(keep, link);
    for (const f of [stale, foreign, keep]) await utimes(f, old, old);
    await lutimes(link, old, old);
    await client.invoke('project.recover', {});
    expect((await readdir(projects)).sort()).toEqual(['notes.tmp']);
    expect((await readdir(dataDir)).sort()).toEqual(
      [
        'autosave.json.00000000000a.tmp',
        'keep.txt',
        'projects',
        'recent.json.abcdef012345.tmp',
      ].sort(),
    );
  });

  it('goes on training when the checkpoint folder is read-only, and says why in words', async () => {
    const backend = await initBackend('wasm');
    const data = await prepareData(dataSpecSchema.parse({ limit: 200, validationShare: 0.2 }));
    const built = buildModel(preset.graph);
    if (!built.ok) throw new Error(built.error.message);
    const settings = { ...preset.settings, epochs: 2, batchSize: 50 };
    const optimizer = makeOptimizer(settings);
    const written: unknown[] = [];
    const outcome = await runTraining(
      {
        runId: 'ro',
        built: built.value,
        settings,
        data,
        inputShape: [784],
        backend,
        optimizer,
        onEpochEnd: async (epoch, opt) => {
          written.push(
            await writeCheckpoint(
              join(READ_ONLY_DIR, 'runs', 'ro'),
              {
                runId: 'ro',
                graph: preset.graph,
                settings,
                data: dataSpecSchema.parse({}),
                procedure: null,
              },
              epoch,
              built.value.model,
              opt,
            ),
          );
        },
      },
      () => undefined,
      { stopRequested: false, waitWhilePaused: () => Promise.resolve() },
    );
    optimizer.dispose();
    built.value.dispose();
    expect(outcome).toMatchObject({ status: 'completed', epochsCompleted: 2 });
    expect(written).toHaveLength(2);
    expect(written[0]).toMatchObject({ ok: false, error: { code: 'E_READ_ONLY' } });
    expect(JSON.stringify(written[0])).toMatch(/training goes on/);
  });
});
