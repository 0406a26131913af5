import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStudioHost, type StudioHost } from '../../src/main/services/host';
import { checkpointDir } from '../../src/main/services/trainer/checkpointState';
import { parseDataRoots } from '../../src/main/services/data/roots';
import { MAX_UPLOAD_BYTES } from '../../src/main/services/data/upload';
import { getPreset } from '../../src/shared/presets';
import {
  DEFAULT_DATA_SPEC,
  DEFAULT_TRAIN_SETTINGS,
  type DataSpec,
} from '../../src/shared/contract/training';
import type { ImportSourceSpec } from '../../src/shared/contract/dataSources';

let dir: string;
let dataDir: string;
let root: string;
let outside: string;
const hosts: StudioHost[] = [];

/** A trainer that must never start: every refusal here happens before the trainer reads data. */
const noTrainer = () => {
  throw new Error('the trainer was asked to start');
};
const host = (shell: 'browser' | 'electron' = 'browser') => {
  const h = createStudioHost({
    shell,
    version: 't',
    spawnTrainer: noTrainer,
    dataDir,
    dataRoots: [root],
  });
  hosts.push(h);
  return h;
};
const csvSpec = (path: string): DataSpec => ({
  ...DEFAULT_DATA_SPEC,
  source: 'file',
  file: { kind: 'csv', path } satisfies ImportSourceSpec,
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'data-access-'));
  dataDir = join(dir, 'app');
  root = join(dir, 'root');
  outside = join(dir, 'outside');
  await mkdir(root, { recursive: true });
  await mkdir(outside, { recursive: true });
  await writeFile(
    join(outside, 'secret.csv'),
    'password,hunter2-and-more-secret-words\n1,2\n3,4\n',
  );
  await writeFile(join(root, 'ok.csv'), 'a,b\n1,2\n3,4\n');
  await symlink(join(outside, 'secret.csv'), join(root, 'link.csv'));
});
afterAll(async () => {
  for (const h of hosts) h.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe('which data files browser mode reads', () => {
  it('reads a file inside a folder named with --data-root', async () => {
    const got = await host().handlers['data.describe']({ data: csvSpec(join(root, 'ok.csv')) });
    expect(got.ok).toBe(true);
  });

  it.each([
    ['an absolute path outside every root', () => '/etc/passwd'],
    ['a file in a folder nobody named', () => join(outside, 'secret.csv')],
    ['a relative path that climbs out of the uploads folder', () => '../../outside/secret.csv'],
    ['a symlink inside a root that leads outside', () => join(root, 'link.csv')],
  ])('refuses %s with E_PATH_NOT_ALLOWED and no file content', async (_, path) => {
    const got = await host().handlers['data.describe']({ data: csvSpec(path()) });
    expect(got.ok).toBe(false);
    if (got.ok) return;
    expect(got.error.code).toBe('E_PATH_NOT_ALLOWED');
    expect(got.error.message).toMatch(/--data-root/);
    expect(got.error.message).not.toMatch(/hunter2|root:x/);
  });

  it('refuses a labels file outside the roots even when the images file is inside', async () => {
    const data: DataSpec = {
      ...DEFAULT_DATA_SPEC,
      source: 'file',
      file: { kind: 'idx', imagesPath: join(root, 'ok.csv'), labelsPath: '/etc/passwd' },
    };
    const got = await host().handlers['data.describe']({ data });
    expect(got.ok ? null : got.error.code).toBe('E_PATH_NOT_ALLOWED');
  });

  it('refuses train.start with a data path outside the roots before the trainer starts', async () => {
    const preset = getPreset('default');
    if (!preset) throw new Error('no default preset');
    const got = await host().handlers['train.start']({
      graph: preset.graph,
      settings: DEFAULT_TRAIN_SETTINGS,
      data: csvSpec('/etc/passwd'),
      procedure: null,
    });
    expect(got.ok ? null : got.error.code).toBe('E_PATH_NOT_ALLOWED');
  });

  it('refuses model.inspect with a data path outside the roots', async () => {
    const got = await host().handlers['model.inspect']({
      runId: 'r1',
      data: csvSpec('/etc/passwd'),
      epoch: 0,
    });
    expect(got.ok ? null : got.error.code).toBe('E_PATH_NOT_ALLOWED');
  });

  it('refuses train.continue when the checkpoint names data outside the roots', async () => {
    const preset = getPreset('default');
    if (!preset) throw new Error('no default preset');
    const cp = checkpointDir(dataDir, 'run-x');
    await mkdir(cp, { recursive: true });
    const state = {
      runId: 'run-x',
      epoch: 1,
      graph: preset.graph,
      settings: { ...DEFAULT_TRAIN_SETTINGS, epochs: 5 },
      data: csvSpec('/etc/passwd'),
      procedure: null,
      weightsFile: 'weights.bin',
      weights: [],
      optimizer: [],
      savedAt: new Date(0).toISOString(),
    };
    await writeFile(join(cp, 'checkpoint.json'), JSON.stringify(state));
    const got = await host().handlers['train.continue']({ runId: 'run-x' });
    expect(got.ok ? null : got.error.code).toBe('E_PATH_NOT_ALLOWED');
  });

  it('lets the Electron shell read the file the person chose, wherever it is', async () => {
    const got = await host('electron').handlers['data.describe']({
      data: csvSpec(join(outside, 'secret.csv')),
    });
    expect(got.ok).toBe(true);
  });
});

describe('data.upload', () => {
  it('stores the bytes in the uploads folder under a safe name that browser mode then reads', async () => {
    const h = host();
    const bytes = new TextEncoder().encode(
      ',p0,p1,label\n0,0,255,1\n1,255,0,0\n2,9,9,1\n3,1,2,0\n',
    );
    const up = await h.handlers['data.upload']({ name: '../../../evil name?.csv', bytes });
    expect(up.ok).toBe(true);
    if (!up.ok) return;
    expect(up.value.path.startsWith(join(dataDir, 'uploads'))).toBe(true);
    expect(up.value.name).toBe('evil_name_.csv');
    expect(await readFile(up.value.path)).toEqual(Buffer.from(bytes));
    const described = await h.handlers['data.describe']({ data: csvSpec(up.value.path) });
    expect(described.ok && described.value.sampleShape).toEqual([2]);
    expect(described.ok && described.value.labels).toEqual([0, 1]);
  });

  it('keeps an earlier upload of the same name', async () => {
    const h = host();
    const a = await h.handlers['data.upload']({ name: 'same.csv', bytes: new Uint8Array([49]) });
    const b = await h.handlers['data.upload']({ name: 'same.csv', bytes: new Uint8Array([50]) });
    expect(a.ok && b.ok && a.value.path !== b.value.path).toBe(true);
  });

  it('refuses a file over the upload limit and writes nothing', async () => {
    const before = await readdir(join(dataDir, 'uploads')).catch(() => []);
    const got = await host().handlers['data.upload']({
      name: 'big.csv',
      bytes: new Uint8Array(MAX_UPLOAD_BYTES + 1),
    });
    expect(got.ok ? null : got.error.code).toBe('E_TOO_LARGE');
    expect(await readdir(join(dataDir, 'uploads')).catch(() => [])).toEqual(before);
  });
});

describe('--data-root', () => {
  it('keeps each named folder as its real path and leaves out a name that is no folder', () => {
    const warnings: string[] = [];
    const roots = parseDataRoots(
      ['--port=1', `--data-root=${root}`, `--data-root=${join(root, 'ok.csv')}`],
      (w) => warnings.push(w),
    );
    expect(roots).toHaveLength(1);
    expect(warnings).toHaveLength(1);
  });
});
