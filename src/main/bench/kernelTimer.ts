import * as tf from '@tensorflow/tfjs';

/** Milliseconds spent in each kernel (outermost calls only) since the timer started. */
export type KernelTimes = Map<string, number>;

/**
 * Wraps every kernel of `backendName` with a clock, for profiles. A kernel that calls other
 * kernels (the fast BatchMatMul calls Transpose) is counted once, as itself. Returns the times
 * and a function that puts the original kernels back.
 */
export const startKernelTimer = (
  backendName = 'wasm',
): { times: KernelTimes; stop: () => void } => {
  const times: KernelTimes = new Map();
  const originals = tf.getKernelsForBackend(backendName);
  let depth = 0;
  for (const config of originals) {
    const inner = config.kernelFunc;
    tf.unregisterKernel(config.kernelName, backendName);
    tf.registerKernel({
      ...config,
      kernelFunc: (args) => {
        if (depth > 0) return inner(args);
        depth++;
        const start = performance.now();
        try {
          return inner(args);
        } finally {
          depth--;
          const name = config.kernelName;
          times.set(name, (times.get(name) ?? 0) + performance.now() - start);
        }
      },
    });
  }
  const stop = (): void => {
    for (const config of originals) {
      tf.unregisterKernel(config.kernelName, backendName);
      tf.registerKernel(config);
    }
  };
  return { times, stop };
};
