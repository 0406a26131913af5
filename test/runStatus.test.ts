import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StudioHost } from '../src/main/services/host';
import type { StudioClient } from '../src/shared/contract/client';
import type { EventPayload } from '../src/shared/contract/events';
import { DEFAULT_PRESET_ID, getPreset } from '../src/shared/presets';
import { memoryStudio, nextEvent } from './helpers';

const preset = getPreset(DEFAULT_PRESET_ID)!;
let host: StudioHost | null = null;
let dataDir: string | null = null;
afterEach(async () => {
  host?.dispose();
  host = null;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  dataDir = null;
});

async function studio(): Promise<StudioClient> {
  dataDir = await mkdtemp(join(tmpdir(), 'studio-runs-'));
  const made = memoryStudio({ dataDir });
  host = made.host;
  return made.client;
}

const status = async (client: StudioClient) => {
  const reply = await client.invoke('run.status', {});
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value.run;
};

describe('run.status over the real host and trainer', () => {
  it('says no run is there before any run', async () => {
    const client = await studio();
    expect(await status(client)).toBeNull();
  });

  it('names the running run with its settings, progress and curve, and that it is paused', async () => {
    const client = await studio();
    const epoch = nextEvent(client, 'train.epoch');
    const settings = { ...preset.settings, epochs: 30, batchSize: 32 };
    const started = await client.invoke('train.start', {
      graph: preset.graph,
      settings,
      data: { limit: 1000 },
    });
    if (!started.ok) throw new Error(started.error.message);
    const { runId } = started.value;
    const first = await epoch;
    await nextEvent(client, 'train.progress', (p) => p.epoch === 2);
    expect((await client.invoke('train.pause', { runId })).ok).toBe(true);

    const run = await status(client);
    expect(run).toMatchObject({ runId, status: 'paused', totalEpochs: 30, ended: null });
    expect(run?.settings).toEqual(settings);
    expect(run?.data.limit).toBe(1000);
    expect(run?.epochs[0]).toMatchObject({ epoch: 1, trainLoss: first.trainLoss });
    expect(run?.batchLosses.length).toBeGreaterThan(0);
    expect(run?.progress?.epoch).toBe(2);
    expect(run?.snapshotEpoch).toBe(1);

    const ended = nextEvent(client, 'train.ended');
    expect((await client.invoke('train.stop', { runId })).ok).toBe(true);
    expect((await status(client))?.status).toBe('stopping');
    await ended;
    expect((await status(client))?.status).toBe('stopped');
  });

  it('keeps a finished run whole, with every epoch, until a new run starts', async () => {
    const client = await studio();
    const epochs: EventPayload<'train.epoch'>[] = [];
    client.on('train.epoch', (e) => epochs.push(e));
    const ended = nextEvent(client, 'train.ended');
    const started = await client.invoke('train.start', {
      graph: preset.graph,
      settings: { ...preset.settings, epochs: 2, batchSize: 64 },
      data: { limit: 600 },
    });
    if (!started.ok) throw new Error(started.error.message);
    await ended;
    const run = await status(client);
    expect(run).toMatchObject({
      runId: started.value.runId,
      status: 'completed',
      ended: { status: 'completed', epochsCompleted: 2, checkpointEpoch: 2 },
      snapshotEpoch: 2,
    });
    expect(run?.epochs.map((e) => [e.epoch, e.trainLoss, e.valLoss])).toEqual(
      epochs.map((e) => [e.epoch, e.trainLoss, e.valLoss]),
    );

    const next = nextEvent(client, 'train.started');
    const again = await client.invoke('train.start', {
      graph: preset.graph,
      settings: { ...preset.settings, epochs: 1, batchSize: 64 },
      data: { limit: 600 },
    });
    if (!again.ok) throw new Error(again.error.message);
    const fresh = await status(client);
    expect(fresh?.runId).toBe(again.value.runId);
    expect(fresh?.epochs).toEqual([]);
    await next;
    await nextEvent(client, 'train.ended');
  });

  it('trains more epochs on the same run, numbering them on, the loss going on from where it was', async () => {
    const client = await studio();
    const epochs: EventPayload<'train.epoch'>[] = [];
    client.on('train.epoch', (e) => epochs.push(e));
    let ended = nextEvent(client, 'train.ended');
    const started = await client.invoke('train.start', {
      graph: preset.graph,
      settings: { ...preset.settings, epochs: 2, batchSize: 64 },
      data: { limit: 600 },
    });
    if (!started.ok) throw new Error(started.error.message);
    const { runId } = started.value;
    await ended;

    ended = nextEvent(client, 'train.ended');
    const more = await client.invoke('train.continue', { runId, epochs: 2 });
    expect(more).toEqual({ ok: true, value: { runId, fromEpoch: 3 } });
    expect(await ended).toMatchObject({ runId, status: 'completed', epochsCompleted: 4 });
    expect(epochs.map((e) => e.epoch)).toEqual([1, 2, 3, 4]);
    // No jump back to the untrained model: the weights and the optimizer state came along.
    expect(epochs[2].trainLoss).toBeLessThan(epochs[0].trainLoss);
    expect(epochs[2].trainLoss).toBeLessThan(epochs[1].trainLoss * 1.05);

    const run = await status(client);
    expect(run).toMatchObject({ runId, status: 'completed', totalEpochs: 4 });
    expect(run?.epochs.map((e) => e.epoch)).toEqual([1, 2, 3, 4]);
  });
});
