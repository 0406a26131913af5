import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StudioHost } from '../src/main/services/host';
import { DEFAULT_PRESET_ID, getPreset } from '../src/shared/presets';
import type { ProjectDraft } from '../src/shared/project/schema';
import { memoryStudio } from './helpers';

const preset = getPreset(DEFAULT_PRESET_ID)!;
const draft = (name: string): ProjectDraft => ({
  name,
  graph: preset.graph,
  settings: preset.settings,
  data: preset.data,
  procedure: null,
  runs: [],
});

let host: StudioHost | null = null;
afterEach(() => host?.dispose());

async function studio() {
  const made = memoryStudio({ dataDir: await mkdtemp(join(tmpdir(), 'studio-autosave-')) });
  host = made.host;
  return made.client;
}

describe('the recovery copy under quick autosaves', () => {
  it('holds the last of many copies sent without waiting, and a reload reads it', async () => {
    const client = await studio();
    const sent = Array.from({ length: 20 }, (_, i) =>
      client.invoke('project.autosave', { project: draft(`edit ${i}`), path: null }),
    );
    // The page's next start asks at once, before the writes have finished.
    const recovered = await client.invoke('project.recover', {});
    expect((await Promise.all(sent)).every((r) => r.ok)).toBe(true);
    expect(recovered.ok && recovered.value.project?.name).toBe('edit 19');
  });

  it('stays discarded when a discard arrives right after a copy', async () => {
    const client = await studio();
    const writing = client.invoke('project.autosave', { project: draft('late'), path: null });
    await client.invoke('project.discardRecovery', {});
    await writing;
    const recovered = await client.invoke('project.recover', {});
    expect(recovered.ok && recovered.value.project).toBeNull();
  });
});
