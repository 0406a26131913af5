import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { initBackend } from '../../src/main/services/tf/backend';
import {
  fastKernelsInstalled,
  uninstallFastKernels,
} from '../../src/main/services/tf/kernels/install';

/**
 * tfjs-core's tests of the ops whose wasm kernels the app replaces (BatchMatMul, Conv2D and both
 * its gradients, MaxPoolGrad, ResizeNearestNeighborGrad, Slice, Sum, Identity), plus the engine's
 * gradient tests. Not all of tfjs-core's op tests: the whole ops folder takes over two minutes
 * here and one op unrelated to the app's kernels aborts the stock wasm backend's process.
 */
const PATCHED_OP_TESTS = [
  'ops/mat_mul_test.js',
  'ops/conv2d_test.js',
  'ops/conv1d_test.js',
  'ops/conv2d_transpose_test.js',
  'ops/max_pool_test.js',
  'ops/pool_test.js',
  'ops/image/resize_nearest_neighbor_test.js',
  'ops/slice_test.js',
  'ops/slice1d_test.js',
  'ops/slice2d_test.js',
  'ops/slice3d_test.js',
  'ops/slice4d_test.js',
  'ops/sum_test.js',
  'ops/mean_test.js',
  'ops/clone_test.js',
  'gradients_test.js',
];

/**
 * tfjs-core tests that fail on the stock wasm backend too (measured with STUDIO_STOCK_KERNELS=1):
 * limits of the wasm backend, not of the app's kernels. They run as expected failures, so one
 * that starts to pass (or a new failure) shows up.
 */
const STOCK_WASM_FAILURES: Array<[RegExp, string]> = [
  [/^matmul .* upcasts when dtypes dont match$/, 'wasm BatchMatMul takes float32 only'],
  [/^conv2d \S+ {} (gradient )?x=.* NCHW$/, 'wasm Conv2D has no channels-first layout'],
  [/^pool .* fractional outputs default rounding$/, 'wasm pooling with padding over the window'],
  [/^slice2d .* throws when requesting out of bounds slice$/, 'wasm Slice does not check bounds'],
  [/^clone .* complex64 dtype$/, 'wasm has no complex numbers'],
];

// Each test's full name, to match it against the list: describe names nest while collecting.
const g = globalThis as unknown as Record<'describe' | 'it', (...args: unknown[]) => unknown> & {
  it: { fails: (...args: unknown[]) => unknown };
};
const plainDescribe = g.describe;
const plainIt = g.it;
const names: string[] = [];
g.describe = (name: unknown, factory: unknown, ...rest: unknown[]) =>
  plainDescribe(
    name,
    () => {
      names.push(String(name));
      try {
        (factory as () => void)();
      } finally {
        names.pop();
      }
    },
    ...rest,
  );
g.it = Object.assign((name: unknown, ...rest: unknown[]) => {
  const full = [...names, String(name)].join(' ');
  const known = STOCK_WASM_FAILURES.find(([pattern]) => pattern.test(full));
  return known
    ? plainIt.fails(`${String(name)} (fails on stock wasm too: ${known[1]})`, ...rest)
    : plainIt(name, ...rest);
}, plainIt);

expect.extend({ nothing: () => ({ pass: true, message: () => '' }) });
(globalThis as Record<string, unknown>).jasmine = { DEFAULT_TIMEOUT_INTERVAL: 20_000 };

const stock = process.env.STUDIO_STOCK_KERNELS === '1';
await initBackend('wasm');
if (stock) uninstallFastKernels();
if (fastKernelsInstalled() === stock) throw new Error('The kernels are not the ones asked for.');
const dist = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-core/dist/index.js'));
const util = await import('@tensorflow/tfjs-core/dist/jasmine_util.js');
util.setTestEnvs([
  { name: stock ? 'wasm-stock' : 'wasm-app', backendName: 'wasm', isDataSync: true },
]);
for (const f of PATCHED_OP_TESTS) await import(/* @vite-ignore */ join(dist, f));
