import * as tf from '@tensorflow/tfjs';
import { it } from 'vitest';
import { initBackend } from '../services/tf/backend';
import { loadDigits } from './digits';
import { convAutoencoder, denseAutoencoder } from './models';
import { trainEpoch } from './trainEpoch';
it('profile', async () => {
  await initBackend('wasm');
  console.log('digits', loadDigits().length / 784);
  for (const [build, shape] of [[denseAutoencoder, [784]], [convAutoencoder, [28, 28, 1]]] as const) {
    const model = build();
    const data = tf.tensor(loadDigits(512), [512, ...shape]);
    const opt = tf.train.adam(1e-3);
    trainEpoch(model, data, opt, 256);
    const prof = await tf.profile(() => { trainEpoch(model, data.slice(0, 256), opt, 256); });
    const by = new Map<string, number>();
    for (const k of prof.kernels) by.set(k.name, (by.get(k.name) ?? 0) + (k.kernelTimeMs as number));
    const total = [...by.values()].reduce((a, b) => a + b, 0);
    const t0 = performance.now(); trainEpoch(model, data.slice(0, 256), opt, 256); const wall = performance.now() - t0;
    console.log('kernels total', total.toFixed(1), 'wall', wall.toFixed(1), [...by].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([n, t]) => `${n}:${t.toFixed(1)}`).join(' '));
  }
}, 600000);
