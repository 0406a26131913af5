import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { GPU_HINT, initBackend } from './backend';
import { fastKernelsInstalled } from './kernels/install';

describe('initBackend', () => {
  it('falls back to wasm with the fast kernels when tfjs-node is absent, and says how to get a GPU', async () => {
    const info = await initBackend();
    expect(info).toEqual({ name: 'wasm', isGpu: false, hint: GPU_HINT });
    expect(tf.getBackend()).toBe('wasm');
    expect(fastKernelsInstalled()).toBe(true);
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined();
  });

  it('can be called again and switches to the cpu backend on request', async () => {
    expect((await initBackend('wasm')).name).toBe('wasm');
    expect(await initBackend('cpu')).toEqual({ name: 'cpu', isGpu: false, hint: GPU_HINT });
    expect(tf.getBackend()).toBe('cpu');
  });
});
