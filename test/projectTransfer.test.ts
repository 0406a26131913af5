import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StudioHost } from '../src/main/services/host';
import { parseProjectText } from '../src/main/services/projects/files';
import type { StudioClient } from '../src/shared/contract/client';
import { DEFAULT_PRESET_ID, getPreset } from '../src/shared/presets';
import type { ProjectDraft } from '../src/shared/project/schema';
import { memoryStudio } from './helpers';

// Browser mode brings project files in (upload) and out (download): the page cannot name a
// path on the host's disk, so the bytes travel over the socket.
const preset = getPreset(DEFAULT_PRESET_ID)!;
const draft = (name = 'Carried project'): ProjectDraft => ({
  name,
  graph: preset.graph,
  settings: preset.settings,
  data: preset.data,
  procedure: null,
  runs: [],
});
const bytesOf = (text: string) => new TextEncoder().encode(text);

let host: StudioHost | null = null;
afterEach(() => host?.dispose());

async function browserStudio(): Promise<{ client: StudioClient; folder: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'studio-transfer-'));
  const made = memoryStudio({ shell: 'browser', dataDir });
  host = made.host;
  return { client: made.client, folder: join(dataDir, 'projects') };
}

const filesIn = (folder: string) => readdir(folder).catch(() => [] as string[]);

/** A file that its own bytes download as. */
async function downloaded(client: StudioClient, project = draft()) {
  const got = await client.invoke('project.download', { project, weightsOfRun: null });
  if (!got.ok) throw new Error(got.error.message);
  return got.value;
}

describe('project.upload', () => {
  it.each([
    ['not JSON', '{"format": "autoencoder-studio-project", '],
    ['JSON that is not a project', '{"hello": "world"}'],
    [
      'a project from a newer app',
      JSON.stringify({ format: 'autoencoder-studio-project', version: 999 }),
    ],
    [
      'a project with a damaged graph',
      JSON.stringify({ format: 'autoencoder-studio-project', version: 1, name: 'x', graph: 7 }),
    ],
    ['an empty file', ''],
  ])('refuses %s with E_PROJECT, in words naming the file, and stores nothing', async (_, text) => {
    const { client, folder } = await browserStudio();
    const result = await client.invoke('project.upload', {
      name: 'mine.aestudio.json',
      bytes: bytesOf(text),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('E_PROJECT');
    expect(result.error.message).toContain('"mine.aestudio.json" was not opened');
    expect(await filesIn(folder)).toEqual([]);
  });

  it('refuses a file nested 100,000 deep with E_PROJECT_TOO_LARGE before parsing it', async () => {
    const { client, folder } = await browserStudio();
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const result = await client.invoke('project.upload', {
      name: 'deep.json',
      bytes: bytesOf(deep),
    });
    expect(!result.ok && result.error.code).toBe('E_PROJECT_TOO_LARGE');
    expect(await filesIn(folder)).toEqual([]);
  });

  it('stores a good file under a safe new name in the projects folder, never replacing one, and opens it', async () => {
    const { client, folder } = await browserStudio();
    const file = await downloaded(client);
    const first = await client.invoke('project.upload', {
      name: '../../My AE (v2).aestudio.json',
      bytes: file.bytes,
    });
    const second = await client.invoke('project.upload', {
      name: '../../My AE (v2).aestudio.json',
      bytes: file.bytes,
    });
    expect(first.ok && first.value.path).toBe(join(folder, 'My_AE_v2.aestudio.json'));
    expect(second.ok && second.value.path).toBe(join(folder, 'My_AE_v2-2.aestudio.json'));
    expect(first.ok && first.value.project.graph).toEqual(preset.graph);
    expect(first.ok && first.value.project.name).toBe('Carried project');
    // Listed like any saved project, so browser mode's Open finds it again.
    const list = await client.invoke('project.list', {});
    expect(list.ok && list.value.projects.map((p) => p.name).sort()).toEqual([
      'My_AE_v2',
      'My_AE_v2-2',
    ]);
    expect(await readFile(join(folder, 'My_AE_v2.aestudio.json'))).toEqual(Buffer.from(file.bytes));
  });
});

describe('project.download', () => {
  it('gives the bytes a save writes, named after the project, readable as a project file', async () => {
    const { client, folder } = await browserStudio();
    const file = await downloaded(client, draft('My AE / v2'));
    expect(file.name).toBe('My AE - v2.aestudio.json');
    expect(file.withWeights).toBe(false);
    const read = parseProjectText(new TextDecoder().decode(file.bytes));
    expect(read.ok && read.value.graph).toEqual(preset.graph);
    expect(read.ok && read.value.settings).toEqual(preset.settings);
    // A download writes nothing on the host.
    expect(await filesIn(folder)).toEqual([]);
  });
});
