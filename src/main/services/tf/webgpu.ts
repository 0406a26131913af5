import * as tf from '@tensorflow/tfjs';
import type { BackendInfo } from '../../../shared/contract/commands';
import { gpuInterfacePresent } from './vulkanLoader';

/** What Dawn says about the adapter it found; the fields of GPUAdapterInfo the app reads. */
export interface AdapterFacts {
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  isFallbackAdapter: boolean;
}

/** Why WebGPU did not run, in words; or the adapter it runs on. */
export type WebGpuProbe = { ok: true; adapter: AdapterFacts } | { ok: false; reason: string };

// Software rasterizers report themselves as GPUs. SwiftShader (Chromium's CPU Vulkan driver),
// Mesa's llvmpipe and lavapipe, and Microsoft's WARP are each slower than the wasm backend.
const SOFTWARE = /swiftshader|llvmpipe|lavapipe|softpipe|microsoft basic render|warp/i;

/** True for an adapter that is real hardware (any vendor), false for a CPU emulation of one. */
export const isHardwareAdapter = (a: AdapterFacts): boolean =>
  !a.isFallbackAdapter &&
  !SOFTWARE.test([a.vendor, a.architecture, a.device, a.description].join(' '));

/** The name a person recognises: the driver's description, else vendor and architecture. */
export const adapterName = (a: AdapterFacts): string =>
  a.description.trim() ||
  [a.vendor, a.architecture, a.device].filter(Boolean).join(' ').trim() ||
  'an unnamed GPU';

interface DawnModule {
  create(flags: string[]): { requestAdapter(options?: object): Promise<DawnAdapter | null> };
  globals: Record<string, unknown>;
}
type DawnAdapter = {
  info?: Partial<AdapterFacts>;
  features: ReadonlySet<string>;
  limits: Record<string, number>;
  requestDevice(descriptor?: object): Promise<unknown>;
};

/** tfjs's WebGPU backend class, as much of it as the app calls. */
type WebGpuBackendClass = new (device: unknown, adapterInfo: unknown) => tf.KernelBackend;

// Both packages are imported by a name in a variable: their type declarations pull in
// @webgpu/types, whose global DOM additions would change what the rest of the node code compiles.
const DAWN = 'webgpu';
const TFJS_WEBGPU = '@tensorflow/tfjs-backend-webgpu';

let registered: AdapterFacts | null = null;

const factsOf = (adapter: DawnAdapter): AdapterFacts => ({
  vendor: adapter.info?.vendor ?? '',
  architecture: adapter.info?.architecture ?? '',
  device: adapter.info?.device ?? '',
  description: adapter.info?.description ?? '',
  isFallbackAdapter: adapter.info?.isFallbackAdapter ?? false,
});

/**
 * Loads Dawn (the `webgpu` package) and asks it for an adapter, then registers tfjs's WebGPU
 * backend on it. Dawn reaches a GPU through Vulkan (Linux), Metal or Direct3D; where it finds none
 * the reason comes back in words. Registering once is enough: tfjs keeps the backend.
 */
export async function registerWebGpu(): Promise<WebGpuProbe> {
  if (registered) return { ok: true, adapter: registered };
  let dawn: DawnModule;
  try {
    dawn = (await import(/* @vite-ignore */ DAWN)) as DawnModule;
  } catch (error) {
    return { ok: false, reason: `The WebGPU library (Dawn) did not load: ${String(error)}` };
  }
  const gpu = dawn.create([]);
  // tfjs's WebGPU backend reads the WebGPU constants (GPUBufferUsage, GPUMapMode...) as globals
  // and refuses to start without navigator.gpu, as in a browser.
  Object.assign(globalThis, dawn.globals);
  const nav = (globalThis as { navigator?: object }).navigator;
  if (nav) Object.defineProperty(nav, 'gpu', { value: gpu, configurable: true });
  else Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true });
  const adapter = await gpu
    .requestAdapter({ powerPreference: 'high-performance' })
    .catch(() => null);
  if (!adapter)
    return {
      ok: false,
      reason:
        'WebGPU found no graphics adapter: no Vulkan, Metal or Direct3D driver answered on this machine.',
    };
  const facts = factsOf(adapter);
  const { WebGPUBackend } = (await import(/* @vite-ignore */ TFJS_WEBGPU)) as {
    WebGPUBackend: WebGpuBackendClass;
  };
  // The same device requirements as tfjs's own registration, which needs navigator.gpu.
  const limits = adapter.limits;
  const device = await adapter.requestDevice({
    requiredFeatures: adapter.features.has('timestamp-query') ? ['timestamp-query'] : [],
    requiredLimits: {
      maxComputeWorkgroupStorageSize: limits.maxComputeWorkgroupStorageSize,
      maxComputeWorkgroupsPerDimension: limits.maxComputeWorkgroupsPerDimension,
      maxStorageBufferBindingSize: limits.maxStorageBufferBindingSize,
      maxBufferSize: limits.maxBufferSize,
      maxComputeWorkgroupSizeX: limits.maxComputeWorkgroupSizeX,
      maxComputeInvocationsPerWorkgroup: limits.maxComputeInvocationsPerWorkgroup,
    },
  });
  // Importing the package registered its own factory (navigator.gpu was set); this one reuses
  // the device made here, so the adapter named to the person is the one that computes.
  tf.removeBackend('webgpu');
  tf.registerBackend('webgpu', () => new WebGPUBackend(device, adapter.info), 1);
  registered = facts;
  return { ok: true, adapter: facts };
}

/**
 * Switches tfjs to WebGPU when Dawn finds an adapter. A software adapter (SwiftShader) is only
 * taken when `allowSoftware` says so (the equality tests): it trains far slower than wasm.
 */
export async function useWebGpu(allowSoftware = false): Promise<BackendInfo | null> {
  // tfjs-backend-webgpu 4.22 reads synchronously only by drawing through an OffscreenCanvas, which
  // Node lacks: the training loop and the decode read with `await data()` (trainer/scope.ts) so
  // that they run here; webgpuTraining.test.ts trains through the loop on SwiftShader to keep it so.
  // Without a Vulkan loader (Linux) Dawn can find no GPU; the software tests bring their own.
  if (!allowSoftware && !gpuInterfacePresent()) return null;
  try {
    const probe = await registerWebGpu();
    if (!probe.ok) return null;
    if (!allowSoftware && !isHardwareAdapter(probe.adapter)) return null;
    if (!(await tf.setBackend('webgpu'))) return null;
    await tf.ready();
    return { name: 'webgpu', isGpu: true, hint: null, adapter: adapterName(probe.adapter) };
  } catch {
    return null;
  }
}
