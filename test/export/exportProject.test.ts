import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, exportProject } from '../../src/main/services/export';
import { buildModel } from '../../src/main/services/model';
import { exportSummary } from '../../src/shared/export/summary';
import { getPreset } from '../../src/shared/presets';

describe('exportProject', () => {
  it('writes every format of a preset into the folder', async () => {
    const preset = getPreset('sparse-kl')!;
    const dir = mkdtempSync(join(tmpdir(), 'export-project-'));
    for (const format of EXPORT_FORMATS) {
      // A latent walk decodes with trained weights; untrained it is refused (tested below).
      if (format === 'gif-walk' || format === 'gif-training') continue;
      const result = await exportProject(
        preset.graph,
        format,
        dir,
        { title: preset.title },
        { settings: preset.settings },
      );
      if (!result.ok) throw new Error(`${format}: ${result.error.message}`);
      for (const path of result.value) expect(existsSync(path), path).toBe(true);
    }
    expect(existsSync(join(dir, 'autoencoder@2x.png'))).toBe(true);
    const tfjs = unzipSync(readFileSync(join(dir, 'autoencoder-tfjs.zip')));
    expect(Object.keys(tfjs)).toContain('autoencoder-tfjs/model/model.json');
    const training = unzipSync(readFileSync(join(dir, 'autoencoder-tfjs-training.zip')));
    expect(Object.keys(training)).toContain('autoencoder-tfjs-training/custom-layers.js');
    const onnx = unzipSync(readFileSync(join(dir, 'autoencoder-onnx.zip')));
    expect(Object.keys(onnx).sort()).toEqual(
      ['README.md', 'decoder.onnx', 'encoder.onnx', 'model.onnx'].map(
        (f) => `autoencoder-onnx/${f}`,
      ),
    );
    expect(readFileSync(join(dir, 'autoencoder.py'), 'utf8')).toContain('class Code(');
    expect(readFileSync(join(dir, 'autoencoder-pytorch.py'), 'utf8')).toContain('nn.Module');
    // Untrained: no weights file goes beside the scripts.
    expect(existsSync(join(dir, 'autoencoder-weights.npz'))).toBe(false);
  });

  it('writes trained weights beside the Keras and PyTorch scripts, which load them', async () => {
    const preset = getPreset('tied')!;
    const built = buildModel(preset.graph);
    if (!built.ok) throw new Error(built.error.message);
    const weights: Record<string, Float32Array> = {};
    for (const w of built.value.model.weights)
      weights[w.originalName] = Float32Array.from(
        { length: w.shape.reduce((a, b) => a! * b!, 1)! },
        (_, i) => Math.sin(i),
      );
    built.value.dispose();
    const dir = mkdtempSync(join(tmpdir(), 'export-weights-'));
    for (const format of ['keras', 'pytorch'] as const) {
      const result = await exportProject(
        preset.graph,
        format,
        dir,
        { title: preset.title },
        { settings: preset.settings, weights },
      );
      if (!result.ok) throw new Error(`${format}: ${result.error.message}`);
      expect(result.value.map((p) => basename(p))).toContain('autoencoder-weights.npz');
    }
    expect(readFileSync(join(dir, 'autoencoder.py'), 'utf8')).toContain('autoencoder-weights.npz');
    expect(readFileSync(join(dir, 'autoencoder-pytorch.py'), 'utf8')).toContain(
      'autoencoder-weights.npz',
    );
    const npz = unzipSync(readFileSync(join(dir, 'autoencoder-weights.npz')));
    const kernel = Object.keys(npz).find((k) => k.endsWith('/kernel.npy'));
    expect(kernel).toBeDefined();
  });

  it('refuses trained weights that no longer fit the design, in words', async () => {
    const preset = getPreset('default')!;
    const result = await exportProject(
      preset.graph,
      'pytorch',
      mkdtempSync(join(tmpdir(), 'export-misfit-')),
      {},
      { settings: preset.settings, weights: { 'encoder_1/kernel': new Float32Array(3) } },
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/weight/i);
  });

  it('refuses a latent walk of an untrained model, saying to train it first', async () => {
    const preset = getPreset('vae')!;
    const result = await exportProject(
      preset.graph,
      'gif-walk',
      mkdtempSync(join(tmpdir(), 'export-walk-')),
      {},
      { settings: preset.settings },
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/train/i);
  });

  it('refuses invalid export settings with a message', async () => {
    const result = await exportProject(getPreset('default')!.graph, 'png', tmpdir(), {
      baseName: '../escape',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'E_INVALID_MESSAGE' } });
  });
});

describe('exportSummary', () => {
  it('gives the Keras-style text and a Markdown table with the same totals', () => {
    const { text, markdown } = exportSummary(getPreset('default')!.graph, 'default');
    expect(text).toContain('Total params: 209,968');
    expect(markdown).toContain('| Layer | Type | Output shape | Parameters |');
    expect(markdown).toContain('**Total parameters:** 209,968');
    expect(
      markdown
        .split('\n')
        .filter((l) => l.startsWith('| ') && !l.startsWith('| Layer') && !l.startsWith('| ---')),
    ).toHaveLength(5);
  });
});
