import * as tf from '@tensorflow/tfjs';
import { it } from 'vitest';
import { getPreset } from '../../../../shared/presets';
import { prepareData } from '../../data/prepare';
import { buildModel } from '../../model';
import { initBackend } from '../../tf/backend';
import { runProcedure } from '.';

it('explore', async () => {
  const backend = await initBackend('wasm');
  for (const id of ['greedy', 'classifier-reuse']) {
    const preset = getPreset(id)!;
    const data = await prepareData({ ...preset.data, limit: 3000 });
    const built = buildModel(preset.graph);
    if (!built.ok) throw new Error(built.error.message);
    const before = tf.memory().numTensors;
    const t0 = performance.now();
    const outcome = await runProcedure(
      preset.procedure! as never,
      { runId: 'r', built: built.value, settings: { ...preset.settings, epochs: 3, batchSize: 64 }, data, inputShape: [784], backend, graph: preset.graph },
      (name, p) => {
        if (name === 'train.epoch' || name === 'train.phase' || name === 'train.comparison') console.log(name, JSON.stringify(p));
      },
      { stopRequested: false, waitWhilePaused: () => Promise.resolve() },
    );
    console.log(id, outcome, (performance.now() - t0) / 1000, 's', tf.memory().numTensors - before);
    built.value.dispose();
  }
});
