import { beforeAll, describe, expect, it } from 'vitest';
import { PRESETS } from '../../../shared/presets';
import { adapterName, isHardwareAdapter, useWebGpu, type AdapterFacts } from './webgpu';
import { isGamePreset, type ParityReport, type PresetParity } from './webgpuParity';
import { probeSwiftShader, runWebGpuEntry } from './webgpuProcess';
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

/** Every preset but the games (GAN, AAE), whose players train in steps of their own. */
const STEPPED = PRESETS.filter((p) => !isGamePreset(p));

const swiftShader = probeSwiftShader();
const onSwiftShader = swiftShader.ok ? describe : describe.skip;
const title = swiftShader.ok
  ? 'one training step on WebGPU (SwiftShader) against wasm'
  : `one training step on WebGPU against wasm: skipped, ${swiftShader.reason}`;

onSwiftShader(title, () => {
  let report: ParityReport;
  beforeAll(async () => {
    if (!swiftShader.ok) return;
    // The check runs in its own process (see webgpuParityMain.ts).
    report = (await runWebGpuEntry(
      'webgpuParityMain.ts',
      'PARITY',
      swiftShader.env,
    )) as ParityReport;
  }, 900_000);

  it('runs on the SwiftShader adapter, named as its driver names it', () => {
    if (!report.ok) throw new Error(report.reason);
    expect(report.adapter).toMatch(/SwiftShader/);
    expect(report.presets.map((p) => p.preset)).toEqual(STEPPED.map((p) => p.id));
  });

  it.each(STEPPED.map((p) => p.id))(
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
  it('is not chosen where Dawn finds only a software adapter or none, and wasm trains', async () => {
    // This process started without SwiftShader's library path: Dawn finds no adapter here, and
    // SwiftShader itself is refused (the first describe); a real GPU would be taken.
    expect(await useWebGpu()).toBeNull();
    const { initBackend } = await import('./backend');
    expect((await initBackend()).name).toBe('wasm');
  });
});
