import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportProject } from '../../src/main/services/export';
import type { RunRecord } from '../../src/shared/project/schema';
import { keepSnapshot, type RunSnapshots } from '../../src/shared/project/snapshots';
import { getPreset } from '../../src/shared/presets';
import { readGif } from './gifReader';

const preset = getPreset('vae')!;

const run = (snapshots?: RunSnapshots): RunRecord => ({
  id: 'r1',
  name: 'Run 1 · VAE',
  startedAt: '',
  status: 'completed',
  settings: preset.settings,
  epochs: [{ epoch: 1, trainLoss: 0.2, valLoss: 0.21, terms: {} }],
  ...(snapshots ? { snapshots } : {}),
});

describe("the training animation from a run record's kept reconstructions", () => {
  it('exports one frame per kept epoch at the chosen slide size', async () => {
    let kept: RunSnapshots | null = null;
    for (let epoch = 1; epoch <= 4; epoch++)
      kept = keepSnapshot(kept, {
        epoch,
        loss: 0.3 / epoch,
        sampleShape: [28, 28, 1],
        count: 8,
        reconstructions: Float32Array.from({ length: 8 * 784 }, (_, i) => ((i * epoch) % 9) / 9),
      });
    const dir = mkdtempSync(join(tmpdir(), 'export-training-'));
    const made = await exportProject(
      preset.graph,
      'gif-training',
      dir,
      { title: 'VAE', slideWidth: 640 },
      { runs: [run(kept!)] },
    );
    if (!made.ok) throw new Error(made.error.message);
    expect(made.value).toEqual([join(dir, 'autoencoder-training.gif')]);
    const gif = readGif(new Uint8Array(readFileSync(made.value[0])));
    expect([gif.width, gif.height, gif.frames.length]).toEqual([640, 360, 4]);
  });

  it('refuses in words a run that kept no pictures', async () => {
    const made = await exportProject(preset.graph, 'gif-training', tmpdir(), {}, { runs: [run()] });
    expect(made.ok).toBe(false);
    if (!made.ok) expect(made.error.message).toMatch(/kept no pictures.*Train the model again/s);
  });

  it('refuses in words when there is no run at all', async () => {
    const made = await exportProject(preset.graph, 'gif-training', tmpdir(), {}, {});
    expect(made.ok).toBe(false);
    if (!made.ok) expect(made.error.message).toMatch(/Train the model first/);
  });
});
