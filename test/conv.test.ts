import { describe, expect, it } from 'vitest';
import { prepareData } from '../src/main/services/data/prepare';
import { buildModel } from '../src/main/services/model';
import { initBackend } from '../src/main/services/tf/backend';
import { runTraining } from '../src/main/services/trainer/loop';
import type { EventPayload } from '../src/shared/contract/events';
import { dataSpecSchema } from '../src/shared/contract/training';
import { getPreset } from '../src/shared/presets';

describe('convolutional training on the wasm backend', () => {
  it.each(['conv-upsampling', 'conv-transpose'])(
    'trains the %s preset for an epoch and its loss falls',
    async (id) => {
      const backend = await initBackend('wasm');
      expect(backend.name).toBe('wasm');
      const preset = getPreset(id)!;
      const data = await prepareData(dataSpecSchema.parse({ limit: 1200, validationShare: 0.2 }));
      const built = buildModel(preset.graph);
      if (!built.ok) throw new Error(built.error.message);
      const input = preset.graph.nodes.find((n) => n.kind === 'Input')!;
      const progress: EventPayload<'train.progress'>[] = [];
      const epochs: EventPayload<'train.epoch'>[] = [];
      const outcome = await runTraining(
        {
          runId: id,
          built: built.value,
          settings: { ...preset.settings, epochs: 1, batchSize: 32 },
          data,
          inputShape: input.params.shape as number[],
          backend,
          snapshots: false,
        },
        (name, payload) => {
          if (name === 'train.progress') progress.push(payload as EventPayload<'train.progress'>);
          if (name === 'train.epoch') epochs.push(payload as EventPayload<'train.epoch'>);
        },
        { stopRequested: false, waitWhilePaused: () => Promise.resolve() },
      );
      built.value.dispose();
      expect(outcome.status).toBe('completed');
      expect(progress.length).toBeGreaterThan(1);
      expect(progress.at(-1)!.loss).toBeLessThan(progress[0].loss);
      expect(epochs[0].valLoss).toBeLessThan(progress[0].loss);
    },
  );
});
