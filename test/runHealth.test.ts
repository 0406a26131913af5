import { afterEach, describe, expect, it } from 'vitest';
import { prepareData } from '../src/main/services/data/prepare';
import type { StudioHost } from '../src/main/services/host';
import { buildModel } from '../src/main/services/model';
import { initBackend } from '../src/main/services/tf/backend';
import { runTraining } from '../src/main/services/trainer/loop';
import { events, type EventName, type EventPayload } from '../src/shared/contract/events';
import { dataSpecSchema } from '../src/shared/contract/training';
import { DEFAULT_PRESET_ID, getPreset } from '../src/shared/presets';
import { memoryStudio, nextEvent } from './helpers';

const preset = getPreset(DEFAULT_PRESET_ID)!;
let host: StudioHost | null = null;
afterEach(() => host?.dispose());

describe('an epoch whose validation loss is not a number', () => {
  it('arrives as null with its reason, and early stopping does not report the run completed', async () => {
    const backend = await initBackend('wasm');
    const data = await prepareData(dataSpecSchema.parse({ limit: 300, validationShare: 0.2 }));
    // One missing pixel in a validation digit: the model's output for it, and so the loss, is NaN.
    data.validation.images[100] = NaN;
    const built = buildModel(preset.graph);
    if (!built.ok) throw new Error(built.error.message);
    const sent: { name: EventName; payload: unknown }[] = [];
    const outcome = await runTraining(
      {
        runId: 'nan',
        built: built.value,
        settings: { ...preset.settings, epochs: 4, batchSize: 64, earlyStoppingPatience: 1 },
        data,
        inputShape: [784],
        backend,
      },
      (name, payload) => sent.push({ name, payload }),
      { stopRequested: false, waitWhilePaused: () => Promise.resolve() },
    );
    built.value.dispose();
    const epochs = sent.filter((e) => e.name === 'train.epoch');
    expect(epochs).toHaveLength(1);
    // What the host checks on arrival: the event passes, so it is not dropped.
    const epoch = events['train.epoch'].parse(epochs[0].payload);
    expect(epoch).toMatchObject({ valLoss: null, nonFinite: { valLoss: 'NaN' } });
    expect(Number.isFinite(epoch.trainLoss)).toBe(true);
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toMatch(/validation loss is not a number \(NaN\)/);
  });
});

describe('a run that stops learning says so', () => {
  async function train(learningRate: number) {
    const studio = memoryStudio();
    host = studio.host;
    const warnings: EventPayload<'train.warning'>[] = [];
    studio.client.on('train.warning', (w) => warnings.push(w));
    const ended = nextEvent(studio.client, 'train.ended');
    const started = await studio.client.invoke('train.start', {
      graph: preset.graph,
      settings: { ...preset.settings, learningRate, epochs: 3, batchSize: 64 },
      data: { limit: 512 },
    });
    if (!started.ok) throw new Error(started.error.message);
    return { end: await ended, warnings };
  }

  it('warns with advice when learning rate 1e3 leaves the default model dead on 512 digits', async () => {
    const { end, warnings } = await train(1e3);
    expect(end.status).toBe('completed');
    const stalled = warnings.find((w) => w.kind === 'stalled');
    expect(stalled?.message).toMatch(/The loss stopped changing at 2\.\d\d after epoch [23]/);
    expect(stalled?.message).toMatch(/learning rate 1000 is probably too high; try 0\.001/);
    expect(warnings.map((w) => w.kind)).toContain('zero-gradients');
    const dead = warnings.find((w) => w.kind === 'dead-units');
    expect(dead?.message).toMatch(/Most units of layer '.+' \(\d+ of \d+\) output/);
    // Each kind is said once, not every epoch.
    expect(new Set(warnings.map((w) => w.kind)).size).toBe(warnings.length);
  });

  it('gives no warning for a normal run at learning rate 1e-3', async () => {
    const { end, warnings } = await train(1e-3);
    expect(end.status).toBe('completed');
    expect(warnings).toEqual([]);
  });
});
