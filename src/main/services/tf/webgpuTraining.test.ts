import { beforeAll, describe, expect, it } from 'vitest';
import { probeSwiftShader, runWebGpuEntry } from './webgpuProcess';
import type { WebGpuTrainingReport } from './webgpuTraining';

const swiftShader = probeSwiftShader();
const onSwiftShader = swiftShader.ok ? describe : describe.skip;
const title = swiftShader.ok
  ? 'training through the app loop on WebGPU (SwiftShader)'
  : `training through the app loop on WebGPU: skipped, ${swiftShader.reason}`;

onSwiftShader(title, () => {
  let report: WebGpuTrainingReport;
  beforeAll(async () => {
    if (!swiftShader.ok) return;
    report = (await runWebGpuEntry(
      'webgpuTrainingMain.ts',
      'TRAINED',
      swiftShader.env,
    )) as WebGpuTrainingReport;
  }, 900_000);

  it('runs where a synchronous read fails, so a run that completes made none', () => {
    if (!report.ok) throw new Error(report.reason);
    expect(report.backend).toBe('webgpu');
    expect(report.adapter).toMatch(/SwiftShader/);
    expect(report.syncReadFails).toBe(true);
  });

  it('completes two epochs of the dense, variational and denoising presets with finite losses', () => {
    if (!report.ok) throw new Error(report.reason);
    expect(report.runs.map((r) => r.preset)).toEqual(['default', 'vae', 'denoising-gaussian']);
    for (const run of report.runs) {
      expect({ preset: run.preset, status: run.status, message: run.message }).toEqual({
        preset: run.preset,
        status: 'completed',
        message: null,
      });
      expect(run.trainLosses).toHaveLength(2);
      for (const loss of [...run.trainLosses, ...run.valLosses])
        expect(Number.isFinite(loss)).toBe(true);
      // The epoch's views went out too: each reads the model's outputs.
      expect(run.events).toEqual(
        expect.arrayContaining(['train.epoch', 'train.snapshot', 'train.features', 'train.codes']),
      );
    }
  });

  it('plays one epoch of the dense GAN through the adversarial procedure, checkpoint extras included', () => {
    if (!report.ok) throw new Error(report.reason);
    expect(report.games.map((g) => [g.preset, g.status, g.message])).toEqual([
      ['gan-dense', 'completed', null],
    ]);
    const [gan] = report.games;
    expect(gan.trainLosses).toHaveLength(1);
    expect(gan.trainLosses.every(Number.isFinite)).toBe(true);
    expect(gan.events).toEqual(
      expect.arrayContaining(['train.epoch', 'train.game', 'train.generated']),
    );
  });
});
