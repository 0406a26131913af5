import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { BackendInfo } from '../../../shared/contract/commands';
import { installFastKernels, uninstallFastKernels } from './kernels/install';
import { fastPathDecision, type FastPathDecision } from './testedVersions';
import { applyThreadsSetting, prepareThreadedWasm, threadsFor, wasmThreads } from './threads';
import { useWebGpu } from './webgpu';
import { blasName } from './native/blas';

/** Which backend a caller asks for; 'auto' takes the fastest that loads. */
export type BackendPreference = 'auto' | 'wasm' | 'cpu';

export const GPU_HINT =
  'Training runs on the CPU; to train on an NVIDIA GPU, install @tensorflow/tfjs-node-gpu with CUDA and cuDNN next to the app.';

/**
 * Imports an optional native binding. The module name is a variable so that neither TypeScript
 * nor the bundler tries to resolve a package that is usually absent.
 */
const tryImport = async (name: string): Promise<boolean> => {
  try {
    await import(/* @vite-ignore */ name);
    return true;
  } catch {
    return false;
  }
};

/** The folder of the installed tfjs-backend-wasm dist, where its .wasm files lie. */
export const wasmDistDir = (): string => {
  const require = createRequire(import.meta.url);
  // The package's "main" lies in dist/, next to the .wasm files.
  return path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));
};

/** Decides whether the fast paths may run on a backend; tests pass a fixed decision. */
export type DecideFastPaths = (backend: string) => FastPathDecision;

/**
 * Starts the wasm backend; on the tested tfjs release with XNNPACK's thread pool (threads.ts:
 * it reaches into the package's internals), else single-threaded as tfjs ships it in Node.
 */
const useWasm = async (decide: DecideFastPaths, threads: number): Promise<boolean> => {
  let restore = (): void => undefined;
  try {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    wasm.setWasmPaths(wasmDistDir() + path.sep);
    // Only before the backend's first start: the build and its pool are chosen then.
    if (decide('wasm').ok && threads > 0 && !tf.findBackend('wasm'))
      restore = prepareThreadedWasm(wasm, threads);
    if (!(await tf.setBackend('wasm'))) return false;
    await tf.ready();
    if (!installFastKernels(decide('wasm'))) uninstallFastKernels();
    return true;
  } catch {
    return false;
  } finally {
    restore();
  }
};

const useNative = async (name: string, backend: string): Promise<boolean> =>
  (await tryImport(name)) && (await tf.setBackend(backend)) && tf.getBackend() === backend;

/**
 * The backend's info, with a notice when the fast paths were refused on it; `blasThreads` is the
 * thread count of the machine's BLAS where products run on it (native/blas.ts), else null.
 */
const inProcess = (
  name: 'wasm' | 'cpu',
  decide: DecideFastPaths,
  blasThreads: number | null = null,
): BackendInfo => {
  const decision = decide(name);
  const blas = blasThreads !== null ? blasName() : null;
  const info: BackendInfo = {
    name,
    isGpu: false,
    hint: GPU_HINT,
    threads: blasThreads ?? wasmThreads(),
    ...(blas ? { blas } : {}),
  };
  return decision.ok ? info : { ...info, notice: decision.reason };
};

/**
 * Picks the fastest backend that loads: tfjs-node-gpu, WebGPU on a real GPU adapter, tfjs-node, wasm (with the fast kernels of
 * this folder when the installed tfjs is the tested release), then the plain JavaScript cpu
 * backend. Never rejects: cpu always works.
 */
export const initBackend = async (
  preferred: BackendPreference = 'auto',
  decide: DecideFastPaths = fastPathDecision,
  /** wasm's thread count; 0 runs tfjs's single-threaded build. STUDIO_THREADS sets it (0 = all cores). */
  threads: number = threadsFor(Number(process.env.STUDIO_THREADS ?? 0) || 0),
): Promise<BackendInfo> => {
  if (preferred === 'auto') {
    if (await useNative('@tensorflow/tfjs-node-gpu', 'tensorflow'))
      return { name: 'tensorflow-gpu', isGpu: true, hint: null };
    const webgpu = await useWebGpu();
    if (webgpu) return webgpu;
    if (await useNative('@tensorflow/tfjs-node', 'tensorflow'))
      return { name: 'tensorflow', isGpu: false, hint: GPU_HINT };
  }
  if (preferred !== 'cpu' && (await useWasm(decide, threads))) {
    // With products on the BLAS, the wasm pool waits on the calling thread until a run of a
    // convolutional model asks for its threads (threads.ts): queries of a dense model then decode
    // without two pools spinning on the same cores.
    const setting = Number(process.env.STUDIO_THREADS ?? 0) || 0;
    const blasThreads =
      decide('wasm').ok && blasName() !== null ? await applyThreadsSetting(setting, false) : null;
    return inProcess('wasm', decide, blasThreads);
  }
  await tf.setBackend('cpu');
  await tf.ready();
  return inProcess('cpu', decide);
};
