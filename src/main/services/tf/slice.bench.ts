import * as tf from '@tensorflow/tfjs';
import { expect, it } from 'vitest';
import { initBackend } from './backend';
import { installFastKernels, uninstallFastKernels } from './kernels/install';

// Printed by `npm run bench`: a batch of rows from the 10,000-digit tensor, stock Slice kernel
// against the app's (the stock one copies all 31 MB of the input out of the heap for each slice).
// A timing, so it lives here and not in `npm test`.
it('measures taking a batch of 256 rows from a 10,000 x 784 tensor', async () => {
  await initBackend('wasm');
  const data = tf.zeros([10_000, 784]);
  const msPerSlice = () => {
    tf.tidy(() => data.slice(0, 256));
    const start = performance.now();
    for (let i = 0; i < 10; i++) tf.tidy(() => data.slice(256 * i, 256));
    return (performance.now() - start) / 10;
  };
  uninstallFastKernels();
  const stock = msPerSlice();
  installFastKernels();
  const fast = msPerSlice();
  data.dispose();
  console.log(
    `slice of 256 rows (wasm): stock kernel ${stock.toFixed(3)} ms, app kernel ${fast.toFixed(3)} ms (${(stock / fast).toFixed(1)}x)`,
  );
  expect(fast).toBeGreaterThan(0);
});
