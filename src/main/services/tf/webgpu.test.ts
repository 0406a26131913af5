import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { PRESETS } from '../../../shared/presets';
import {
  adapterName,
  canReadSynchronously,
  isHardwareAdapter,
  useWebGpu,
  type AdapterFacts,
} from './webgpu';
import type { ParityReport, PresetParity } from './webgpuParity';
import { swiftShaderEnv } from './webgpuSwiftShader';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const facts = (over: Partial<AdapterFacts>): AdapterFacts => ({
  vendor: '',
  architecture: '',
  device: '',
  description: '',
  isFallbackAdapter: false,
  ...over,
});

describe('which WebGPU adapters the app trains on', () => {
  it('takes real graphics cards of any vendor and names them as their driver does', () => {
    const nvidia = facts({ vendor: 'nvidia', architecture: 'hopper', description: 'NVIDIA H200' });
    const amd = facts({ vendor: 'amd', architecture: 'rdna-3', description: '' });
    expect(isHardwareAdapter(nvidia)).toBe(true);
    expect(isHardwareAdapter(amd)).toBe(true);
    expect(isHardwareAdapter(facts({ vendor: 'apple', architecture: 'metal-3' }))).toBe(true);
    expect(adapterName(nvidia)).toBe('NVIDIA H200');
    expect(adapterName(amd)).toBe('amd rdna-3');
  });

  it('never takes a CPU emulation of a GPU (SwiftShader, llvmpipe) or a fallback adapter', () => {
    const swiftShader = facts({
      vendor: 'google',
      architecture: 'swiftshader',
      device: 'swiftshader-device-subzero-',
      description: 'SwiftShader driver 5.0.0',
      isFallbackAdapter: true,
    });
    expect(isHardwareAdapter(swiftShader)).toBe(false);
    expect(isHardwareAdapter({ ...swiftShader, isFallbackAdapter: false })).toBe(false);
    expect(
      isHardwareAdapter(facts({ vendor: 'mesa', description: 'llvmpipe (LLVM 15.0.6)' })),
    ).toBe(false);
    expect(isHardwareAdapter(facts({ vendor: 'nvidia', isFallbackAdapter: true }))).toBe(false);
  });
});

/**
 * Whether Dawn (the `webgpu` package) finds SwiftShader here, asked in a process started with its
 * environment: the Vulkan loader is found only through the library path a process starts with.
 */
function probeSwiftShader(): { ok: true; env: NodeJS.ProcessEnv } | { ok: false; reason: string } {
  const setup = swiftShaderEnv();
  if (!setup.ok) return setup;
  const script =
    "const {create}=await import('webgpu');const a=await create([]).requestAdapter();" +
    "console.log('ADAPTER '+JSON.stringify(a?a.info.description:null));process.exit(0)";
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    env: setup.env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const line = /ADAPTER (.*)/.exec(run.stdout ?? '')?.[1];
  if (!line)
    return {
      ok: false,
      reason: `the webgpu package's Dawn did not load (${run.stderr.trim().split('\n')[0]})`,
    };
  if (JSON.parse(line) === null)
    return {
      ok: false,
      reason: `Dawn found no SwiftShader adapter (${run.stderr.trim().split('\n')[0]})`,
    };
  return setup;
}

const swiftShader = probeSwiftShader();
const onSwiftShader = swiftShader.ok ? describe : describe.skip;
const title = swiftShader.ok
  ? 'one training step on WebGPU (SwiftShader) against wasm'
  : `one training step on WebGPU against wasm: skipped, ${swiftShader.reason}`;

onSwiftShader(title, () => {
  let report: ParityReport;
  beforeAll(async () => {
    if (!swiftShader.ok) return;
    // The check runs in its own process (see webgpuParityMain.ts), built by Vite as the app is
    // (the layer registry uses import.meta.glob), with its packages left to node_modules.
    const outDir = `${root}node_modules/.cache/studio-webgpu`;
    await build({
      configFile: false,
      root,
      logLevel: 'warn',
      build: {
        ssr: `${root}src/main/services/tf/webgpuParityMain.ts`,
        outDir,
        emptyOutDir: true,
        minify: false,
        rollupOptions: { output: { format: 'esm', entryFileNames: 'parity.mjs' } },
      },
    });
    const child = spawn(process.execPath, [`${outDir}/parity.mjs`], {
      cwd: root,
      env: swiftShader.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    await new Promise((resolve) => child.once('exit', resolve));
    const line = /PARITY (.*)/.exec(out)?.[1];
    if (!line) throw new Error(`The WebGPU check printed no result:\n${err.slice(-2000)}`);
    report = JSON.parse(line) as ParityReport;
  }, 900_000);

  it('runs on the SwiftShader adapter, named as its driver names it', () => {
    if (!report.ok) throw new Error(report.reason);
    expect(report.adapter).toMatch(/SwiftShader/);
    expect(report.presets.map((p) => p.preset)).toEqual(PRESETS.map((p) => p.id));
  });

  it.each(PRESETS.map((p) => p.id))(
    '%s: the loss equals wasm within 1e-4 (relative) and the decode within 1e-5',
    (id) => {
      if (!report.ok) throw new Error(report.reason);
      const row = report.presets.find((p) => p.preset === id) as PresetParity;
      expect(Number.isFinite(row.webgpuLoss)).toBe(true);
      expect(row.lossRelative).toBeLessThan(1e-4);
      if (row.decodeRelative !== null) expect(row.decodeRelative).toBeLessThan(1e-5);
    },
  );
});

describe('WebGPU in the trainer', () => {
  it('is not chosen in Node, where tfjs-backend-webgpu cannot read synchronously, and wasm trains', async () => {
    expect(canReadSynchronously()).toBe(false);
    expect(await useWebGpu(true)).toBeNull();
    const { initBackend } = await import('./backend');
    expect((await initBackend()).name).toBe('wasm');
  });
});
