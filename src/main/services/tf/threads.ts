import { createRequire } from 'node:module';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { pthreadScript } from './pthreadScript';
import { blasName, setBlasThreads } from './native/blas';
import { fastKernelsInstalled } from './kernels/install';

/**
 * XNNPACK's thread pool in tfjs-backend-wasm's threaded build, made to run in Node. tfjs turns the
 * threaded build off in Node (its worker script travels as a Blob URL, which Node's worker_threads
 * cannot load), and its C++ caps the pool at half the logical cores (a guess at hyperthreads: 1
 * thread on a 2-core machine) and at 8. Here the worker script becomes a file, the core count the
 * module reads at start-up is raised to 16 so only the 8 cap remains, and this file picks the count.
 * All of it uses tfjs-backend-wasm internals, so it runs only on the tested release (backend.ts).
 */

/** The most threads tfjs-backend-wasm's pool takes (its C++ caps it there). */
export const MAX_WASM_THREADS = 8;

/** The cores this machine offers this process. */
export const availableCores = (): number =>
  typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;

/** The thread count a `threads` setting asks for: 0 means every core, and both cap at 8. */
export const threadsFor = (setting: number): number =>
  Math.max(1, Math.min(setting > 0 ? setting : availableCores(), MAX_WASM_THREADS));

/** The parts of the emscripten module that pick and grow the pool. */
interface ThreadedModule {
  tfjs: { initWithThreadsCount(n: number): void; getThreadsCount(): number };
  PThread?: {
    unusedWorkers: unknown[];
    allocateUnusedWorker(): void;
    loadWasmModuleToWorker(worker: unknown, onLoaded: () => void): void;
  };
}

const wasmModule = (): ThreadedModule | null => {
  if (tf.getBackend() !== 'wasm') return null;
  return (tf.backend() as unknown as { wasm?: ThreadedModule }).wasm ?? null;
};

/** The pool's thread count now (1 off wasm or on the single-threaded build). */
export const wasmThreads = (): number => {
  const count = wasmModule()?.tfjs.getThreadsCount() ?? 1;
  return count > 0 ? count : 1;
};

/**
 * Prepares the next wasm backend start to load the threaded build with `threads` threads. Returns
 * the function that undoes the start-up patches; call it once the backend is ready (or failed).
 */
export const prepareThreadedWasm = (
  wasm: { setThreadsCount(n: number): void },
  threads: number,
): (() => void) => {
  const require = createRequire(import.meta.url);
  const outDir = path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm')), '..');
  const workerSource = require(
    path.join(outDir, 'wasm-out', 'tfjs-backend-wasm-threaded-simd.worker.js'),
  ) as { wasmWorkerContents: string };
  const factory = path.join(outDir, 'wasm-out', 'tfjs-backend-wasm-threaded-simd.js');
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'studio-wasm-')), 'pthread.cjs');
  writeFileSync(file, pthreadScript(workerSource.wasmWorkerContents, factory));

  const createObjectURL = URL.createObjectURL.bind(URL);
  const cpus = os.cpus;
  // tfjs asks for the worker script as a Blob URL; Node's workers load files.
  URL.createObjectURL = (blob: Blob) =>
    blob.type === 'application/javascript' ? file : createObjectURL(blob);
  // The module halves the count it reads once at start-up; 16 leaves only its own cap of 8.
  os.cpus = () => Array.from({ length: 2 * MAX_WASM_THREADS }, () => cpus()[0]);
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', true);
  wasm.setThreadsCount(threads);
  return () => {
    URL.createObjectURL = createObjectURL;
    os.cpus = cpus;
    // A later start of the backend (tfjs's own tests reset the engine) takes the plain build.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  };
};

/**
 * Sets the pool to `threads` threads (capped at 8), starting more worker threads first when the
 * pool needs them: a pool that waited for a thread still loading would wait forever. Returns the
 * count in use. A pool replaced keeps its parked threads (the module cannot end them), so this
 * changes the pool only when the count differs.
 */
export const setWasmThreads = async (threads: number): Promise<number> => {
  const module = wasmModule();
  const wanted = Math.max(1, Math.min(threads, MAX_WASM_THREADS));
  if (!module?.PThread || wasmThreads() === wanted) return wasmThreads();
  const pthread = module.PThread;
  while (pthread.unusedWorkers.length < wanted - 1) {
    pthread.allocateUnusedWorker();
    const worker = pthread.unusedWorkers[pthread.unusedWorkers.length - 1];
    await new Promise<void>((resolve) => pthread.loadWasmModuleToWorker(worker, resolve));
  }
  module.tfjs.initWithThreadsCount(wanted);
  return wasmThreads();
};

/** The BLAS thread count a `threads` setting asks for: 0 means every core; no cap of 8 there. */
export const blasThreadsFor = (setting: number): number =>
  Math.max(1, setting > 0 ? setting : availableCores());

/**
 * Applies a run's `threads` setting (0 = every core) and returns the count in use, or null when
 * training runs on neither pool. Where products run on the machine's BLAS (native/blas.ts) its
 * threads take the setting; the wasm pool then gets it only for a model with convolutions (which
 * XNNPACK runs, threaded, faster than products on BLAS would) and is otherwise kept to the calling
 * thread: both pools' threads spin while they wait, and on 2 cores they starve each other (a dense
 * batch took 25 ms with both pools against 14 ms with BLAS alone; `npm run bench`).
 */
export const applyThreadsSetting = async (
  setting: number,
  convolutional = true,
): Promise<number | null> => {
  const onWasm = tf.getBackend() === 'wasm';
  const blasThreads = blasThreadsFor(setting);
  // Products are on the BLAS only where the fast kernels are in place (a tested tfjs release).
  const blas =
    onWasm && fastKernelsInstalled() && blasName() !== null && setBlasThreads(blasThreads);
  const poolThreads = blas && !convolutional ? 1 : threadsFor(setting);
  const pool = wasmModule()?.PThread ? await setWasmThreads(poolThreads) : null;
  return blas ? blasThreads : pool;
};
