import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../services/tf/backend';
import { createFastOptimizer } from '../services/tf/fused/fastOptimizer';
import { fusedBinaryCrossEntropy } from '../services/tf/fused/losses';
import { DIGIT_SIZE, loadDigits } from './digits';
import { startKernelTimer } from './kernelTimer';
import { applyThreadsSetting } from '../services/tf/threads';
import { convAutoencoder, denseAutoencoder } from './models';

/** Where the time of one dense training batch goes, in milliseconds per batch. */
export interface BatchProfile {
  total: number;
  /** Matrix products and convolutions, with the transposes the fast BatchMatMul makes. */
  matmul: number;
  /** The fused loss kernels (forward and gradient). */
  loss: number;
  /** optimizer.applyGradients, all of it. */
  optimizer: number;
  /** Every other kernel (activations and their gradients, bias sums, slices). */
  otherKernels: number;
  /** What is left: tfjs' JavaScript around the kernels (tape, tidy, dispatch). */
  dispatch: number;
  /** Kernel by kernel, outside the optimizer, largest first. */
  kernels: Array<[string, number]>;
}

const MATMUL = new Set([
  'BatchMatMul',
  '_FusedMatMul',
  'Transpose',
  'Conv2D',
  'FusedConv2D',
  'Conv2DBackpropInput',
  'Conv2DBackpropFilter',
]);

/** Profiles `batches` batches of the dense (or conv) benchmark with the fused loss and optimizer. */
export const profileBatches = async (
  which: 'dense' | 'conv' = 'dense',
  batches = 30,
  batchSize = 256,
): Promise<BatchProfile> => {
  await initBackend('wasm');
  // The pools as a run of this model sets them (threads.ts).
  await applyThreadsSetting(0, which === 'conv');
  const model = which === 'dense' ? denseAutoencoder() : convAutoencoder();
  const sampleShape = which === 'dense' ? [DIGIT_SIZE] : [28, 28, 1];
  const data = tf.tensor(await loadDigits(batches * batchSize), [
    batches * batchSize,
    ...sampleShape,
  ]);
  const optimizer = createFastOptimizer({ optimizer: 'adam', learningRate: 1e-3, momentum: 0 });
  const weights = model.trainableWeights.map((w) => w.read() as tf.Variable);
  let optimizerMs = 0;
  const step = (start: number) =>
    tf.tidy(() => {
      const batch = data.slice(start, batchSize);
      const { grads } = tf.variableGrads(
        () => fusedBinaryCrossEntropy(model.apply(batch, { training: true }) as tf.Tensor, batch),
        weights,
      );
      const t0 = performance.now();
      optimizer.applyGradients(grads);
      optimizerMs += performance.now() - t0;
    });
  step(0);
  optimizerMs = 0;
  const timer = startKernelTimer();
  const t0 = performance.now();
  for (let b = 0; b < batches; b++) step(b * batchSize);
  const total = performance.now() - t0;
  timer.stop();
  data.dispose();
  model.dispose();
  optimizer.dispose();
  const per = (ms: number) => ms / batches;
  const kernels = [...timer.times].map(([k, ms]): [string, number] => [k, per(ms)]);
  const sum = (pick: (name: string) => boolean) =>
    kernels.filter(([k]) => pick(k)).reduce((s, [, ms]) => s + ms, 0);
  const matmul = sum((k) => MATMUL.has(k));
  const loss = sum((k) => k.startsWith('StudioFused'));
  const allKernels = sum(() => true);
  // The optimizer's own kernels (Fill for new state) are few and counted within its wall time.
  const otherKernels = allKernels - matmul - loss;
  return {
    total: per(total),
    matmul,
    loss,
    optimizer: per(optimizerMs),
    otherKernels,
    dispatch: per(total) - per(optimizerMs) - allKernels,
    kernels: kernels.sort((a, b) => b[1] - a[1]),
  };
};
