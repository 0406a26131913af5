import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../services/tf/backend';
import { installFastKernels, uninstallFastKernels } from '../services/tf/kernels/install';
import { createFastOptimizer } from '../services/tf/fused/fastOptimizer';
import { fusedBinaryCrossEntropy } from '../services/tf/fused/losses';
import { DIGIT_SIZE, loadDigits } from './digits';
import { convAutoencoder, denseAutoencoder } from './models';
import { binaryCrossEntropy, trainEpoch } from './trainEpoch';
import { applyThreadsSetting } from '../services/tf/threads';
import { hasConvolutions } from '../services/tf/convolutional';

/** One measured epoch. gflops counts 6 x parameters x samples (forward and backward), as for dense nets. */
export interface BenchFigure {
  name: string;
  backend: string;
  secondsPerEpoch: number;
  samplesPerSecond: number;
  gflops: number;
  /** The loss of the last batch: a check that the epoch really trained. */
  loss: number;
}

export interface BenchOptions {
  /** Leave the stock wasm kernels in place, to measure what the fast ones win. Default false. */
  stockKernels?: boolean;
  /** Use the composed loss and tf.train.adam instead of the fused ones, to measure what they win. */
  unfused?: boolean;
  /** Digits to train on; 10,000 unless a quick check wants fewer. */
  samples?: number;
  batchSize?: number;
}

const bench = async (
  name: string,
  build: () => tf.LayersModel,
  sampleShape: number[],
  options: BenchOptions,
): Promise<BenchFigure> => {
  const info = await initBackend('wasm');
  if (info.name === 'wasm') {
    if (options.stockKernels) uninstallFastKernels();
    else installFastKernels();
  }
  const samples = options.samples ?? 10_000;
  const digits = await loadDigits(samples);
  const count = digits.length / DIGIT_SIZE;
  const model = build();
  await applyThreadsSetting(0, hasConvolutions(model));
  const data = tf.tensor(digits, [count, ...sampleShape]);
  const optimizer = options.unfused
    ? tf.train.adam(1e-3)
    : createFastOptimizer({ optimizer: 'adam', learningRate: 1e-3, momentum: 0 });
  const loss = options.unfused
    ? (output: tf.Tensor, target: tf.Tensor) => binaryCrossEntropy(target, output)
    : fusedBinaryCrossEntropy;
  try {
    // A warm-up batch: kernel setup and XNNPACK operator creation are not part of an epoch.
    trainEpoch(
      model,
      data.slice(0, Math.min(count, options.batchSize ?? 256)),
      optimizer,
      options.batchSize ?? 256,
      loss,
    );
    const start = performance.now();
    const last = trainEpoch(model, data, optimizer, options.batchSize ?? 256, loss);
    const seconds = (performance.now() - start) / 1000;
    return {
      name,
      backend:
        tf.getBackend() +
        (info.name === 'wasm' && options.stockKernels ? ' (stock kernels)' : '') +
        (options.unfused ? ' (unfused loss and optimizer)' : ''),
      secondsPerEpoch: seconds,
      samplesPerSecond: count / seconds,
      gflops: (6 * model.countParams() * count) / seconds / 1e9,
      loss: last,
    };
  } finally {
    data.dispose();
    optimizer.dispose();
    model.dispose();
    if (options.stockKernels) installFastKernels();
  }
};

/** One epoch of the dense 784-128-32-128-784 autoencoder over 10,000 digits, batch 256. */
export const benchDense = (options: BenchOptions = {}): Promise<BenchFigure> =>
  bench('dense 784-128-32-128-784', denseAutoencoder, [784], options);

/** One epoch of the convolutional autoencoder (16-8-8-16-1 3x3 convs) over 10,000 digits, batch 256. */
export const benchConv = (options: BenchOptions = {}): Promise<BenchFigure> =>
  bench('conv 16-8-8-16-1', convAutoencoder, [28, 28, 1], options);
