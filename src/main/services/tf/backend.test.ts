import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { GPU_HINT, initBackend } from './backend';
import { createFastOptimizer, FusedOptimizer } from './fused/fastOptimizer';
import { fastKernelsInstalled } from './kernels/install';
import { blasName } from './native/blas';
import { decideFastPaths, type InstalledTfjs } from './testedVersions';

const untested: InstalledTfjs = {
  'tfjs-core': '4.23.0',
  'tfjs-backend-cpu': '4.23.0',
  'tfjs-backend-wasm': '4.23.0',
};
const onUntested = (backend: string) => decideFastPaths(untested, backend);

describe('initBackend', () => {
  it('falls back to wasm with the fast kernels when tfjs-node is absent, and says how to get a GPU', async () => {
    const info = await initBackend();
    expect(info).toEqual({
      name: 'wasm',
      isGpu: false,
      hint: GPU_HINT,
      threads: expect.any(Number),
      // Products on the machine's BLAS where the native addon found one (native/blas.test.ts
      // checks that it does wherever OpenBLAS is installed, as on CI).
      ...(blasName() ? { blas: blasName() } : {}),
    });
    expect(tf.getBackend()).toBe('wasm');
    expect(fastKernelsInstalled()).toBe(true);
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined();
    // constructor, not instanceof: tf.Optimizer's instanceof accepts any optimizer.
    const optimizer = createFastOptimizer({ optimizer: 'adam', learningRate: 1e-3, momentum: 0 });
    expect(optimizer.constructor).toBe(FusedOptimizer);
    optimizer.dispose();
  });

  it('can be called again and switches to the cpu backend on request', async () => {
    expect((await initBackend('wasm')).name).toBe('wasm');
    expect(await initBackend('cpu')).toEqual({
      name: 'cpu',
      isGpu: false,
      hint: GPU_HINT,
      threads: 1,
    });
    expect(tf.getBackend()).toBe('cpu');
  });

  it('on an untested tfjs release keeps the stock kernels and optimizer and says so in words', async () => {
    const info = await initBackend('wasm', onUntested);
    expect(info.name).toBe('wasm');
    expect(info.notice).toMatch(/faster training code is off.*tested with TensorFlow\.js 4\.22\.0/);
    expect(fastKernelsInstalled()).toBe(false);
    // The stock wasm backend has no Conv2DBackpropFilter; the app's kernel adds it.
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeUndefined();
    const optimizer = createFastOptimizer(
      { optimizer: 'adam', learningRate: 1e-3, momentum: 0 },
      onUntested('wasm'),
    );
    expect(optimizer.constructor).not.toBe(FusedOptimizer);
    expect(optimizer.getClassName()).toBe('Adam');
    optimizer.dispose();
    expect((await initBackend('cpu', onUntested)).notice).toContain('4.23.0');
    // And back: the tested release installs them again.
    expect(await initBackend('wasm')).toMatchObject({ name: 'wasm', isGpu: false, hint: GPU_HINT });
    expect(fastKernelsInstalled()).toBe(true);
  });
});
