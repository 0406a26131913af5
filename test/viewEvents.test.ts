import { describe, expect, it } from 'vitest';
import { prepareData } from '../src/main/services/data/prepare';
import { buildModel } from '../src/main/services/model';
import { initBackend } from '../src/main/services/tf/backend';
import { runTraining } from '../src/main/services/trainer/loop';
import type { EventName, EventPayload } from '../src/shared/contract/events';
import { dataSpecSchema } from '../src/shared/contract/training';
import { getPreset } from '../src/shared/presets';

async function oneEpoch(presetId: string) {
  const backend = await initBackend('wasm');
  const preset = getPreset(presetId)!;
  const data = await prepareData(dataSpecSchema.parse({ limit: 600, validationShare: 0.2 }));
  const built = buildModel(preset.graph);
  if (!built.ok) throw new Error(built.error.message);
  const seen = new Map<EventName, unknown>();
  await runTraining(
    {
      runId: presetId,
      built: built.value,
      settings: { ...preset.settings, epochs: 1, batchSize: 64 },
      data,
      inputShape: [784],
      backend,
    },
    (name, payload) => void seen.set(name, payload),
    { stopRequested: false, waitWhilePaused: () => Promise.resolve() },
  );
  built.value.dispose();
  return <N extends EventName>(name: N) => seen.get(name) as EventPayload<N>;
}

describe('what the Inspect and Generate views receive after an epoch', () => {
  it('sends the default model 128 first-layer features of 784 values and 32-value codes', async () => {
    const event = await oneEpoch('default');
    const features = event('train.features');
    expect(features.units).toBe(128);
    expect(features.weights.length).toBe(128 * 784);
    const codes = event('train.codes');
    expect(codes.codeSize).toBe(32);
    expect(codes.codes.length).toBe(codes.count * 32);
    expect(codes.logVar).toBeNull();
    expect(event('train.samples').count).toBe(codes.count);
  });

  it('sends a variational model its log-variances beside the codes', async () => {
    const codes = (await oneEpoch('vae'))('train.codes');
    expect(codes.logVar).not.toBeNull();
    expect(codes.logVar!.length).toBe(codes.codes.length);
    expect(codes.logVar!.every((v) => Number.isFinite(v))).toBe(true);
  });
});
