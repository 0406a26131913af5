import { fork } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterEach, describe, expect, it } from 'vitest';
import { createStudioHost, type StudioHost } from '../src/main/services/host';
import { readProjectFile } from '../src/main/services/projects/files';
import { spawnNodeTrainer } from '../src/main/services/trainer/spawnNode';
import { StudioClient } from '../src/shared/contract/client';
import { memoryTransport } from '../src/shared/contract/memory';
import type { ProjectDraft } from '../src/shared/project/schema';
import { DEFAULT_PRESET_ID, getPreset } from '../src/shared/presets';
import { builtTrainer, hasBuiltTrainer, nextEvent } from './helpers';

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

  it.skipIf(!hasBuiltTrainer())(
    'keeps trained weights: a reopened project decodes like the trained one',
    async () => {
      const { client } = await studio();
      const ended = nextEvent(client, 'train.ended');
      const started = await client.invoke('train.start', {
        graph: preset.graph,
        settings: { ...preset.settings, epochs: 1, batchSize: 64 },
        data: { limit: 600 },
      });
      if (!started.ok) throw new Error(started.error.message);
      await ended;
      const point = new Float32Array(32).fill(0.5);
      const before = await client.invoke('model.decode', {
        runId: started.value.runId,
        points: point,
        count: 1,
      });
      const saved = await client.invoke('project.save', {
        project: draft(),
        path: null,
        weightsOfRun: started.value.runId,
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
    },
  );

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
