/** The diagram and the model formats of a game design. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportProject } from '../../src/main/services/export';
import { graphToSvg } from '../../src/shared/diagram';
import { getPreset } from '../../src/shared/presets';

const titles = (svg: string) =>
  [...svg.matchAll(/letter-spacing="1.6"[^>]*>([A-Z]+)</g)].map((m) => m[1]).sort();

describe('a game in the diagram', () => {
  it('outlines a GAN as prior, generator, discriminator and adversary groups', () => {
    const svg = graphToSvg(getPreset('gan-dense')!.graph);
    expect(titles(svg)).toEqual(['ADVERSARY', 'DISCRIMINATOR', 'GENERATOR', 'PRIOR']);
  });

  it("outlines an adversarial autoencoder's encoder, code and decoder beside its discriminator", () => {
    for (const direction of ['LR', 'TB'] as const) {
      const svg = graphToSvg(getPreset('aae')!.graph, { direction });
      expect(titles(svg)).toEqual([
        'ADVERSARY',
        'CODE',
        'DECODER',
        'DISCRIMINATOR',
        'ENCODER',
        'PRIOR',
      ]);
    }
  });
});

describe('a game in the model formats', () => {
  it('refuses a continue-training TensorFlow.js zip in words, naming what to export instead', async () => {
    const out = mkdtempSync(join(tmpdir(), 'game-formats-'));
    const made = await exportProject(getPreset('gan-dense')!.graph, 'tfjs-training', out);
    expect(made.ok).toBe(false);
    if (!made.ok) expect(made.error.message).toMatch(/two networks.*Keras or PyTorch script/);
  });
});
