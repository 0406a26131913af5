import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { BackendInfo } from '../../../shared/contract/commands';
import { installFastKernels } from './kernels/install';

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

const useWasm = async (): Promise<boolean> => {
  try {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    wasm.setWasmPaths(wasmDistDir() + path.sep);
    if (!(await tf.setBackend('wasm'))) return false;
    await tf.ready();
    installFastKernels();
    return true;
  } catch {
    return false;
  }
};

const useNative = async (name: string, backend: string): Promise<boolean> =>
  (await tryImport(name)) && (await tf.setBackend(backend)) && tf.getBackend() === backend;

/**
 * Picks the fastest backend that loads: tfjs-node-gpu, tfjs-node, wasm (with the fast kernels of
 * this folder), then the plain JavaScript cpu backend. Never rejects: cpu always works.
 */
export const initBackend = async (preferred: BackendPreference = 'auto'): Promise<BackendInfo> => {
  if (preferred === 'auto') {
    if (await useNative('@tensorflow/tfjs-node-gpu', 'tensorflow'))
      return { name: 'tensorflow-gpu', isGpu: true, hint: null };
    if (await useNative('@tensorflow/tfjs-node', 'tensorflow'))
      return { name: 'tensorflow', isGpu: false, hint: GPU_HINT };
  }
  if (preferred !== 'cpu' && (await useWasm()))
    return { name: 'wasm', isGpu: false, hint: GPU_HINT };
  await tf.setBackend('cpu');
  await tf.ready();
  return { name: 'cpu', isGpu: false, hint: GPU_HINT };
};
