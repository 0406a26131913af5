import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createStudioHost, type StudioHost } from '../src/main/services/host';
import { spawnNodeTrainer } from '../src/main/services/trainer/spawnNode';
import { checkpointDir, readCheckpoint } from '../src/main/services/trainer/checkpointState';
import { StudioClient } from '../src/shared/contract/client';
import { memoryTransport } from '../src/shared/contract/memory';
import { getPreset } from '../src/shared/presets';
import { builtTrainer, nextEvent, requireBuiltTrainer } from './helpers';

const preset = getPreset('gan-dense')!;
let host: StudioHost | null = null;
afterEach(() => host?.dispose());

async function studio() {
  requireBuiltTrainer();
  const dataDir = await mkdtemp(join(tmpdir(), 'studio-game-'));
  const h = createStudioHost({
    shell: 'memory',
    version: 'test',
    spawnTrainer: spawnNodeTrainer(builtTrainer),
    dataDir,
  });
  host = h;
  return { dataDir, client: new StudioClient(memoryTransport(h.handlers, (l) => h.onEvent(l))) };
}

describe('a GAN run through the trainer process', () => {
  it('pauses at a batch boundary, resumes, and stops on request', async () => {
    const { client } = await studio();
    const first = nextEvent(client, 'train.progress');
    const started = await client.invoke('train.start', {
      graph: preset.graph,
      settings: { ...preset.settings, epochs: 20, batchSize: 16 },
      data: { limit: 1000 },
    });
    if (!started.ok) throw new Error(started.error.message);
    const { runId } = started.value;
    await first;
    // The trainer says when it sits paused: after the batch under way has finished and reported.
    const paused = nextEvent(client, 'train.paused', (e) => e.runId === runId);
    expect((await client.invoke('train.pause', { runId })).ok).toBe(true);
    const at = await paused;
    expect(at.epoch).toBeGreaterThanOrEqual(1);
    let during = 0;
    const off = client.on('train.progress', () => during++);
    // A paused run reports nothing, however long it is watched.
    await new Promise((r) => setTimeout(r, 600));
    off();
    expect(during).toBe(0);
    const more = nextEvent(client, 'train.progress');
    expect((await client.invoke('train.resume', { runId })).ok).toBe(true);
    await more;
    const ended = nextEvent(client, 'train.ended');
    expect((await client.invoke('train.stop', { runId })).ok).toBe(true);
    expect((await ended).status).toBe('stopped');
  }, 120_000);

  it('keeps both players and both optimizers in its checkpoint and continues after the trainer is killed', async () => {
    const { client, dataDir } = await studio();
    const firstEpoch = nextEvent(client, 'train.epoch');
    const crashed = nextEvent(client, 'train.ended');
    const started = await client.invoke('train.start', {
      graph: preset.graph,
      settings: { ...preset.settings, epochs: 3, batchSize: 32 },
      data: { limit: 800 },
    });
    if (!started.ok) throw new Error(started.error.message);
    const runId = started.value.runId;
    expect((await firstEpoch).epoch).toBe(1);
    await nextEvent(client, 'train.progress', (p) => p.epoch === 2);
    host!.supervisor.kill();
    expect(await crashed).toMatchObject({ status: 'crashed', checkpointEpoch: 1 });
    const state = await readCheckpoint(checkpointDir(dataDir, runId));
    expect(state?.extras?.map((e) => e.part)).toEqual([
      'discriminator',
      'discriminator-optimizer',
      'diversity-reference',
    ]);
    // The ordinary part is the generator (what the views keep) and its optimizer.
    expect(state?.weights.map((w) => w.shape)).toEqual([[100, 256], [256], [256, 784], [784]]);
    expect(state?.optimizer.length).toBe(1 + 2 * 4);

    const epochs: number[] = [];
    client.on('train.epoch', (e) => epochs.push(e.epoch));
    const generated: number[] = [];
    client.on('train.generated', (e) => generated.push(e.epoch));
    const ended = nextEvent(client, 'train.ended');
    const continued = await client.invoke('train.continue', { runId });
    expect(continued).toMatchObject({ ok: true, value: { runId, fromEpoch: 2 } });
    expect(await ended).toMatchObject({ status: 'completed', epochsCompleted: 3 });
    expect(epochs).toEqual([2, 3]);
    expect(generated).toEqual([2, 3]);
  }, 180_000);
});
