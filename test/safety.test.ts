import * as tf from '@tensorflow/tfjs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareData } from '../src/main/services/data/prepare';
import { createStudioHost, type StudioHost } from '../src/main/services/host';
import { buildModel } from '../src/main/services/model';
import { initBackend } from '../src/main/services/tf/backend';
import { writeCheckpoint } from '../src/main/services/trainer/checkpoint';
import { checkpointDir, readCheckpoint } from '../src/main/services/trainer/checkpointState';
import { runTraining } from '../src/main/services/trainer/loop';
import { makeOptimizer } from '../src/main/services/trainer/optimizer';
import { spawnNodeTrainer } from '../src/main/services/trainer/spawnNode';
import { StudioClient } from '../src/shared/contract/client';
import type { EventPayload } from '../src/shared/contract/events';
import { memoryTransport } from '../src/shared/contract/memory';
import { dataSpecSchema } from '../src/shared/contract/training';
import { DEFAULT_PRESET_ID, getPreset } from '../src/shared/presets';
import { builtTrainer, nextEvent } from './helpers';

const preset = getPreset(DEFAULT_PRESET_ID)!;
let host: StudioHost | null = null;
afterEach(() => host?.dispose());

async function studio() {
  const dataDir = await mkdtemp(join(tmpdir(), 'studio-safety-'));
  const h = createStudioHost({
    shell: 'memory',
    version: 'test',
    spawnTrainer: spawnNodeTrainer(builtTrainer),
    dataDir,
  });
  host = h;
  return { dataDir, client: new StudioClient(memoryTransport(h.handlers, (l) => h.onEvent(l))) };
}

describe('a run that goes wrong loses nothing', () => {
  it('stops a diverging run (learning rate 1e9) within a batch with advice, keeping finite weights', async () => {
    const { client, dataDir } = await studio();
    const ended = nextEvent(client, 'train.ended');
    const progress: EventPayload<'train.progress'>[] = [];
    client.on('train.progress', (p) => progress.push(p));
    const started = await client.invoke('train.start', {
      graph: preset.graph,
      settings: { ...preset.settings, learningRate: 1e9, epochs: 3, batchSize: 64 },
      data: { limit: 1000 },
    });
    if (!started.ok) throw new Error(started.error.message);
    const end = await ended;
    expect(end.status).toBe('failed');
    expect(end.message).toMatch(/no longer a number/);
    expect(end.message).toMatch(/learning rate 1000000000 is probably too large; try 0\.001/);
    expect(progress.every((p) => Number.isFinite(p.loss))).toBe(true);
    const dir = checkpointDir(dataDir, started.value.runId);
    const state = await readCheckpoint(dir);
    expect(state).not.toBeNull();
    const bytes = await readFile(join(dir, state!.weightsFile));
    const values = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
    expect(values.length).toBeGreaterThan(200_000);
    expect(values.every((v) => Number.isFinite(v))).toBe(true);
  });

  it('continues a run from its last checkpoint after the trainer is killed mid-epoch', async () => {
    const { client } = await studio();
    const firstEpoch = nextEvent(client, 'train.epoch');
    const crashed = nextEvent(client, 'train.ended');
    const started = await client.invoke('train.start', {
      graph: preset.graph,
      settings: { ...preset.settings, epochs: 3, batchSize: 16 },
      data: { limit: 1500 },
    });
    if (!started.ok) throw new Error(started.error.message);
    const runId = started.value.runId;
    expect((await firstEpoch).epoch).toBe(1);
    await nextEvent(client, 'train.progress', (p) => p.epoch === 2);
    host!.supervisor.kill();
    const crash = await crashed;
    expect(crash).toMatchObject({ status: 'crashed', checkpointEpoch: 1 });
    expect(crash.message).toMatch(/continue from epoch 2/);

    const epochs: number[] = [];
    client.on('train.epoch', (e) => epochs.push(e.epoch));
    const ended = nextEvent(client, 'train.ended');
    const continued = await client.invoke('train.continue', { runId });
    expect(continued).toMatchObject({ ok: true, value: { runId, fromEpoch: 2 } });
    expect(await ended).toMatchObject({ status: 'completed', epochsCompleted: 3 });
    expect(epochs).toEqual([2, 3]);
  });
});

describe('tensor memory', () => {
  it('keeps the tensor count flat over 20 epochs on 1,000 digits, checkpoints included', async () => {
    const backend = await initBackend('wasm');
    const data = await prepareData(dataSpecSchema.parse({ limit: 1000, validationShare: 0.2 }));
    const built = buildModel(preset.graph);
    if (!built.ok) throw new Error(built.error.message);
    const settings = { ...preset.settings, epochs: 20, batchSize: 100 };
    const optimizer = makeOptimizer(settings);
    const dir = await mkdtemp(join(tmpdir(), 'studio-leak-'));
    const counts: number[] = [];
    const outcome = await runTraining(
      {
        runId: 'leak',
        built: built.value,
        settings,
        data,
        inputShape: [784],
        backend,
        optimizer,
        onEpochEnd: async (epoch, opt) => {
          await writeCheckpoint(
            dir,
            {
              runId: 'leak',
              graph: preset.graph,
              settings,
              data: dataSpecSchema.parse({}),
              procedure: null,
            },
            epoch,
            built.value.model,
            opt,
          );
          counts.push(tf.memory().numTensors);
        },
      },
      () => undefined,
      { stopRequested: false, waitWhilePaused: () => Promise.resolve() },
    );
    expect(outcome.status).toBe('completed');
    expect(counts).toHaveLength(20);
    expect(counts[19]).toBe(counts[1]);
    optimizer.dispose();
    built.value.dispose();
  });
});

describe('checkpoint housekeeping', () => {
  it('keeps the checkpoints of the newest runs only', async () => {
    const { mkdir, readdir, utimes } = await import('node:fs/promises');
    const { pruneCheckpoints } = await import('../src/main/services/trainer/checkpointState');
    const dataDir = await mkdtemp(join(tmpdir(), 'studio-prune-'));
    for (let i = 0; i < 25; i++) {
      const dir = join(dataDir, 'runs', `run-${i}`);
      await mkdir(dir, { recursive: true });
      await utimes(dir, 1_000_000 + i, 1_000_000 + i);
    }
    await pruneCheckpoints(dataDir, 20);
    const left = (await readdir(join(dataDir, 'runs'))).sort(
      (a, b) => Number(a.slice(4)) - Number(b.slice(4)),
    );
    expect(left).toHaveLength(20);
    expect(left[0]).toBe('run-5');
  });
});
