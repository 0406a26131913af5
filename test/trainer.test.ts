import { afterEach, describe, expect, it } from 'vitest';
import type { StudioHost } from '../src/main/services/host';
import type { EventPayload } from '../src/shared/contract/events';
import { DEFAULT_PRESET_ID, getPreset } from '../src/shared/presets';
import { memoryStudio, nextEvent } from './helpers';

const preset = getPreset(DEFAULT_PRESET_ID)!;
let host: StudioHost | null = null;
afterEach(() => host?.dispose());

describe('trainer process', () => {
  it('lowers the validation loss over 2 epochs on 2,000 real digits', async () => {
    const studio = memoryStudio();
    host = studio.host;
    const epochs: EventPayload<'train.epoch'>[] = [];
    studio.client.on('train.epoch', (e) => epochs.push(e));
    const ended = nextEvent(studio.client, 'train.ended');
    const snapshot = nextEvent(studio.client, 'train.snapshot');
    const started = await studio.client.invoke('train.start', {
      graph: preset.graph,
      settings: { ...preset.settings, epochs: 2, batchSize: 64 },
      data: { limit: 2000, validationShare: 0.1 },
    });
    expect(started.ok).toBe(true);
    const end = await ended;
    expect(end).toMatchObject({ status: 'completed', epochsCompleted: 2 });
    expect(epochs).toHaveLength(2);
    expect(epochs[1].valLoss).toBeLessThan(epochs[0].valLoss!);
    const snap = await snapshot;
    expect(snap.reconstructions).toBeInstanceOf(Float32Array);
    expect(snap.reconstructions.length).toBe(16 * 784);
  });

  it('reports a killed trainer, stays up, and trains the next run', async () => {
    const studio = memoryStudio();
    host = studio.host;
    const progressed = nextEvent(studio.client, 'train.progress');
    const crashed = nextEvent(studio.client, 'train.ended');
    const first = await studio.client.invoke('train.start', {
      graph: preset.graph,
      settings: { ...preset.settings, epochs: 50, batchSize: 32 },
      data: { limit: 3000 },
    });
    expect(first.ok).toBe(true);
    await progressed;
    studio.host.supervisor.kill();
    const end = await crashed;
    expect(end.status).toBe('crashed');
    expect(end.message).toMatch(/stopped unexpectedly/);
    expect((await studio.client.invoke('app.info', {})).ok).toBe(true);

    const ended = nextEvent(studio.client, 'train.ended');
    const second = await studio.client.invoke('train.start', {
      graph: preset.graph,
      settings: { ...preset.settings, epochs: 1, batchSize: 64 },
      data: { limit: 500 },
    });
    expect(second.ok).toBe(true);
    expect(await ended).toMatchObject({ status: 'completed', epochsCompleted: 1 });
  });
});

describe('run control', () => {
  it('pauses at a batch boundary, resumes, and stops on request', async () => {
    const studio = memoryStudio();
    host = studio.host;
    const { client } = studio;
    const first = nextEvent(client, 'train.progress');
    const started = await client.invoke('train.start', {
      graph: preset.graph,
      settings: { ...preset.settings, epochs: 20, batchSize: 16 },
      data: { limit: 2000 },
    });
    if (!started.ok) throw new Error(started.error.message);
    const { runId } = started.value;
    await first;
    // Every progress report, to see which batch the last one before the pause names.
    const reports: { epoch: number; batch: number }[] = [];
    const offReports = client.on('train.progress', (e) => reports.push(e));
    // The trainer says when it sits paused: after the batch under way has finished and reported.
    const paused = nextEvent(client, 'train.paused', (e) => e.runId === runId);
    expect((await client.invoke('train.pause', { runId })).ok).toBe(true);
    const at = await paused;
    offReports();
    expect(at.epoch).toBeGreaterThanOrEqual(1);
    // The last report before the pause is the batch the run stopped after (progress is sent at
    // most every 100 ms, batches of 16 take a millisecond or two: the pause sends what it held back).
    const last = reports.at(-1);
    expect(at.batch).toBeGreaterThan(0);
    expect(last).toMatchObject({ epoch: at.epoch, batch: at.batch });
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
  });
});
