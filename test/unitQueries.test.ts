import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StudioHost } from '../src/main/services/host';
import type { StudioClient } from '../src/shared/contract/client';
import type { EventPayload } from '../src/shared/contract/events';
import { getPreset } from '../src/shared/presets';
import { settings } from '../src/shared/presets/build';
import { memoryStudio, nextEvent, requireBuiltTrainer } from './helpers';

// Two short runs of the default model (784-128-32-128-784) in the real trainer process: the unit
// inspector reads the second, runs side by side read both from their checkpoints.
let host: StudioHost;
let client: StudioClient;
let samples: EventPayload<'train.samples'>;
const runs: string[] = [];
const COUNT = 200;

async function train(learningRate: number): Promise<void> {
  const sent = nextEvent(client, 'train.samples');
  const ended = nextEvent(client, 'train.ended');
  const started = await client.invoke('train.start', {
    graph: getPreset('default')!.graph,
    settings: settings({ epochs: 1, batchSize: 32, learningRate }),
    data: { limit: 800, validationShare: 0.25 },
  });
  if (!started.ok) throw new Error(started.error.message);
  samples = await sent;
  expect((await ended).status).toBe('completed');
  runs.push(started.value.runId);
}

beforeAll(async () => {
  requireBuiltTrainer();
  const studio = memoryStudio({ dataDir: await mkdtemp(join(tmpdir(), 'studio-units-')) });
  host = studio.host;
  client = studio.client;
  await train(0.001);
  await train(0.003);
}, 120_000);
afterAll(() => host?.dispose());

const images = () => samples.images.slice(0, COUNT * 784);

describe('any layer, any unit', () => {
  it('lists the layers with units, and which of them touch the pixels', async () => {
    const listed = await client.invoke('model.unitLayers', { runId: runs[1] });
    if (!listed.ok) throw new Error(listed.error.message);
    const layers = listed.value.layers.map((l) => [l.label, l.units, l.weightImage]);
    expect(layers).toEqual([
      ['encoder 1', 128, true],
      ['code', 32, false],
      ['decoder 1', 128, true],
      ['decoder 2', 784, false],
    ]);
  });

  it("shows a first-layer unit's weights as a 28x28 picture and the samples that excite it most", async () => {
    const listed = await client.invoke('model.unitLayers', { runId: runs[1] });
    if (!listed.ok) throw new Error(listed.error.message);
    const layer = listed.value.layers[0].layer;
    const got = await client.invoke('model.unit', {
      runId: runs[1],
      layer,
      unit: 3,
      images: images(),
      count: COUNT,
      top: 8,
    });
    if (!got.ok) throw new Error(got.error.message);
    const r = got.value;
    expect(r.weights.map((w) => [w.direction, w.shape])).toEqual([['in', [28, 28]]]);
    expect(r.top).toHaveLength(8);
    const values = r.top.map((i) => r.activations[i]);
    // Strongest first, and none of the other samples beats the eighth.
    expect([...values].sort((a, b) => b - a)).toEqual(values);
    expect(Math.max(...Array.from(r.activations))).toBe(values[0]);
    expect(r.reconstructions).toHaveLength(8 * 784);
    expect(r.ablated).toHaveLength(8 * 784);
  });

  it('turning a used code unit off changes the reconstructions and raises the loss', async () => {
    const listed = await client.invoke('model.unitLayers', { runId: runs[1] });
    if (!listed.ok) throw new Error(listed.error.message);
    const layer = listed.value.layers[1].layer;
    // The code unit most active over the samples: a used one (some ReLU units never are).
    let best: { unit: number; mean: number } = { unit: 0, mean: -1 };
    for (let unit = 0; unit < 32; unit += 4) {
      const got = await client.invoke('model.unit', {
        runId: runs[1],
        layer,
        unit,
        images: images(),
        count: COUNT,
        top: 4,
      });
      if (!got.ok) throw new Error(got.error.message);
      const mean = got.value.activations.reduce((a, b) => a + b, 0) / COUNT;
      if (mean > best.mean) best = { unit, mean };
    }
    const got = await client.invoke('model.unit', {
      runId: runs[1],
      layer,
      unit: best.unit,
      images: images(),
      count: COUNT,
      top: 4,
    });
    if (!got.ok) throw new Error(got.error.message);
    const { reconstructions, ablated, lossBefore, lossAfter } = got.value;
    expect(lossAfter).toBeGreaterThan(lossBefore);
    let moved = 0;
    for (let i = 0; i < ablated.length; i++) moved += Math.abs(ablated[i] - reconstructions[i]);
    expect(moved / ablated.length).toBeGreaterThan(1e-3);
  });

  it('refuses a unit the layer does not have, in words', async () => {
    const listed = await client.invoke('model.unitLayers', { runId: runs[1] });
    if (!listed.ok) throw new Error(listed.error.message);
    const got = await client.invoke('model.unit', {
      runId: runs[1],
      layer: listed.value.layers[1].layer,
      unit: 40,
      images: images(),
      count: COUNT,
    });
    expect(got.ok).toBe(false);
    if (!got.ok) expect(got.error.message).toBe("Layer 'code' has 32 units.");
  });
});

describe('runs side by side', () => {
  it('gives each run its own reconstructions, features and codes of the same samples, from its checkpoint', async () => {
    const [a, b] = await Promise.all(
      runs.map((runId) => client.invoke('run.views', { runId, images: images(), count: COUNT })),
    );
    if (!a.ok || !b.ok) throw new Error('run.views failed');
    for (const v of [a.value, b.value]) {
      expect(v.imageShape).toEqual([28, 28]);
      expect(v.reconstructions).toHaveLength(COUNT * 784);
      expect(v.featureUnits).toBe(128);
      expect(v.codeSize).toBe(32);
      expect(v.codes).toHaveLength(COUNT * 32);
    }
    // Different runs, different models: their reconstructions differ.
    let diff = 0;
    for (let i = 0; i < 784 * 8; i++)
      diff += Math.abs(a.value.reconstructions[i] - b.value.reconstructions[i]);
    expect(diff / (784 * 8)).toBeGreaterThan(1e-3);
    // The loaded model is still the second run's: the unit inspector still answers about it.
    expect((await client.invoke('model.unitLayers', { runId: runs[1] })).ok).toBe(true);
  });

  it('says in words when a run has no weights on this computer', async () => {
    const got = await client.invoke('run.views', { runId: 'gone', images: images(), count: COUNT });
    expect(got.ok).toBe(false);
    if (!got.ok) expect(got.error.message).toMatch(/not on this computer/);
  });
});

describe('the advisor query', () => {
  it("measures the ended run's model for the advisor", async () => {
    const got = await client.invoke('model.advise', {
      runId: runs[1],
      images: images(),
      count: COUNT,
    });
    if (!got.ok) throw new Error(got.error.message);
    expect(got.value.codeSize).toBe(32);
    expect(got.value.inputBinaryShare).toBeGreaterThan(0.8);
    expect(got.value.noiseR2).toBeLessThan(0.5);
    expect(got.value.klPerUnit).toBeNull();
  });
});
