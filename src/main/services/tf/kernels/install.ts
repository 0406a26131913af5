import * as tf from '@tensorflow/tfjs';
import { makeFastBatchMatMul } from './batchMatMul';
import { fastConv2DBackpropFilter } from './conv2dBackpropFilter';
import { makeFastConv2DBackpropInput } from './conv2dBackpropInput';
import { stockKernel, type StockKernel } from './wasmAccess';
import { maxPoolGrad } from './maxPoolGrad';
import { resizeNearestGrad } from './resizeNearestGrad';
import { makeFastSlice } from './slice';
import { makeFastSum } from './sum';
import { makeSharingIdentity } from './identity';
import { makeFewOutputsConv2D } from './conv2dFewOutputs';
import { makeFastTanh } from './tanh';
import { makeNativeBatchMatMul, makeNativeFusedMatMul } from './nativeMatMul';
import { blasAddon, nativeLoops } from '../native/blas';
import { makeRowAdd } from './addRows';
import { fastPathDecision, type FastPathDecision } from '../testedVersions';

/** The stock kernels replaced, kept so they can be put back (benchmarks compare both). */
let replaced: Map<string, StockKernel | null> | null = null;

const swap = (name: string, kernelFunc: tf.KernelFunc | null): void => {
  const current = tf.getKernel(name, 'wasm');
  if (current) tf.unregisterKernel(name, 'wasm');
  // Keep the stock kernel's setup: a new wasm backend (after engine().reset(), as tfjs's own tests
  // do) binds the stock kernels our kernels call to its module in that setup.
  const setupFunc = current?.setupFunc;
  if (kernelFunc)
    tf.registerKernel({ kernelName: name, backendName: 'wasm', kernelFunc, setupFunc });
};

/**
 * Replaces the slow wasm kernels (transposed BatchMatMul, Conv2DBackpropInput, Conv2D with one or
 * two output channels, Slice, Sum over leading axes, ResizeNearestNeighborGrad, Tanh), the copying
 * Identity, and MaxPoolGrad (wrong for windows of negative values), and adds the missing
 * Conv2DBackpropFilter. Where the machine has an optimized BLAS (native/blas.ts), BatchMatMul and
 * _FusedMatMul multiply on it. Call it after the wasm backend is ready: the stock kernels it wraps are
 * set up when the backend initializes. Calling it again does nothing. Refuses (returns false and
 * leaves the stock kernels) on a tfjs release the kernels were not tested with.
 */
export const installFastKernels = (
  decision: FastPathDecision = fastPathDecision('wasm'),
): boolean => {
  if (!decision.ok) return false;
  if (replaced) return true;
  const matMul = stockKernel('BatchMatMul');
  const backpropInput = stockKernel('Conv2DBackpropInput');
  const stockMaxPoolGrad = stockKernel('MaxPoolGrad');
  const resizeGrad = stockKernel('ResizeNearestNeighborGrad');
  const slice = stockKernel('Slice');
  const sum = stockKernel('Sum');
  const identity = stockKernel('Identity');
  const conv2d = stockKernel('Conv2D');
  const tanh = stockKernel('Tanh');
  const fusedMatMul = stockKernel('_FusedMatMul');
  const add = stockKernel('Add');
  if (
    !fusedMatMul ||
    !add ||
    !matMul ||
    !backpropInput ||
    !stockMaxPoolGrad ||
    !resizeGrad ||
    !slice ||
    !sum ||
    !identity ||
    !conv2d ||
    !tanh
  )
    throw new Error('The wasm backend is not registered.');
  replaced = new Map([
    ['BatchMatMul', matMul],
    ['Conv2DBackpropInput', backpropInput],
    ['Conv2DBackpropFilter', stockKernel('Conv2DBackpropFilter')],
    ['MaxPoolGrad', stockMaxPoolGrad],
    ['ResizeNearestNeighborGrad', resizeGrad],
    ['Slice', slice],
    ['Sum', sum],
    ['Identity', identity],
    ['Conv2D', conv2d],
    ['Tanh', tanh],
    ['_FusedMatMul', fusedMatMul],
    ['Add', add],
  ]);
  // Products on the machine's optimized BLAS where the addon found one (native/blas.ts).
  const blas = blasAddon();
  const xnnpackMatMul = makeFastBatchMatMul(matMul);
  swap('BatchMatMul', blas ? makeNativeBatchMatMul(blas, xnnpackMatMul) : xnnpackMatMul);
  if (blas) swap('_FusedMatMul', makeNativeFusedMatMul(blas, fusedMatMul));
  const loops = nativeLoops();
  if (loops) swap('Add', makeRowAdd(loops, add));
  swap('Conv2DBackpropInput', makeFastConv2DBackpropInput(backpropInput));
  swap('Conv2DBackpropFilter', fastConv2DBackpropFilter);
  swap('MaxPoolGrad', maxPoolGrad);
  swap('ResizeNearestNeighborGrad', resizeNearestGrad);
  swap('Slice', makeFastSlice(slice));
  swap('Sum', makeFastSum(sum));
  swap('Identity', makeSharingIdentity(identity));
  swap('Conv2D', makeFewOutputsConv2D(conv2d));
  swap('Tanh', makeFastTanh(tanh));
  return true;
};

/** Puts the stock kernels back (a missing one stays missing); for before/after measurements. */
export const uninstallFastKernels = (): void => {
  if (!replaced) return;
  for (const [name, stock] of replaced) swap(name, stock as unknown as tf.KernelFunc | null);
  replaced = null;
};

/** Whether the fast kernels are in place. */
export const fastKernelsInstalled = (): boolean => replaced !== null;
