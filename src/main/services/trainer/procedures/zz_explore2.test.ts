import * as tf from '@tensorflow/tfjs';
import { it } from 'vitest';
import { getPreset } from '../../../../shared/presets';
import { prepareData } from '../../data/prepare';
import { buildModel } from '../../model';
import { initBackend } from '../../tf/backend';
import { runProcedure } from '.';

it('explore', async () => {
  const backend = await initBackend('wasm');
  for (const [lr, epochs, frozen] of [[0.001, 4, true], [0.001, 4, true], [0.001, 4, true], [0.001, 4, true], [0.001, 3, true], [0.001, 3, true], [0.001, 3, true]] as const) {
    const preset = getPreset('classifier-reuse')!;
    preset.graph.nodes.find((n) => n.kind === 'ClassifierHead')!.params.frozen = frozen;
    const data = await prepareData({ ...preset.data, limit: 3000 });
    const built = buildModel(preset.graph);
    if (!built.ok) throw new Error(built.error.message);
    const t0 = performance.now();
    const outcome = await runProcedure(
      { kind: 'reuse-encoder', pretrainPresetId: 'default', labelledCount: 100 },
      { runId: 'r', built: built.value, settings: { ...preset.settings, epochs, learningRate: lr, batchSize: 32 }, data, inputShape: [784], backend, graph: preset.graph },
      (name, p) => {
        if (name === 'train.comparison') console.log(lr, epochs, frozen, name, JSON.stringify(p));
      },
      { stopRequested: false, waitWhilePaused: () => Promise.resolve() },
    );
    const x = tf.tensor(data.validation.images.subarray(0, 784 * 100), [100, 784]);
    const codes = built.value.encoder.predict(x) as tf.Tensor;
    console.log('code mean', codes.mean().dataSync()[0], 'max', codes.max().dataSync()[0], 'zeros frac', codes.equal(0).mean().dataSync()[0]);
    tf.dispose([x, codes]);
    console.log((performance.now() - t0) / 1000, 's', outcome.status);
    built.value.dispose();
  }
});
