import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { writeFileSync, mkdirSync } from 'node:fs';
import { animateGif } from '../../src/main/services/report/animation';
import { latentWalkGif, trainingGif } from '../../src/main/services/report/walk';
import { buildModel } from '../../src/main/services/model';
import { namedWeights } from '../../src/main/services/trainer/flatWeights';
import { flattenWeights } from '../syncWeights';
import { getPreset } from '../../src/shared/presets';
import { readGif } from './gifReader';

const digit = (k: number) =>
  Float32Array.from({ length: 784 }, (_, i) =>
    ((i % 28) + Math.floor(i / 28) + k) % 7 > 3 ? 1 : 0,
  );

describe('slides that move', () => {
  it('decodes a training animation to the stated frame count and size, epoch and loss on every frame', () => {
    const epochs = [1, 2, 3, 4, 5].map((epoch) => ({
      epoch,
      loss: 0.3 / epoch,
      count: 8,
      images: Float32Array.from({ length: 8 * 784 }, (_, i) => digit(epoch)[i % 784] * (epoch / 5)),
    }));
    const made = trainingGif({
      title: 'Digits <AE> & "friends"',
      image: [28, 28],
      epochs,
      width: 640,
    });
    expect(made.ok ? 'ok' : made.error.message).toBe('ok');
    if (!made.ok) return;
    const gif = readGif(made.value.gif);
    expect(gif.frames.length).toBe(made.value.frames);
    expect(gif.frames.length).toBe(5);
    expect([gif.width, gif.height]).toEqual([made.value.width, made.value.height]);
    expect([gif.width, gif.height]).toEqual([640, 360]);
    mkdirSync('e2e/output', { recursive: true });
    writeFileSync('e2e/output/training.gif', made.value.gif);
    const png = new PNG({ width: gif.width, height: gif.height });
    png.data = Buffer.from(gif.frames[2].rgba);
    writeFileSync('e2e/output/training-frame3.png', PNG.sync.write(png));
    // Frames differ: the pictures and the words change each epoch.
    expect(
      Buffer.compare(Buffer.from(gif.frames[0].rgba), Buffer.from(gif.frames[4].rgba)),
    ).not.toBe(0);
  });

  it('walks the latent plane of a VAE with the stated frame count', async () => {
    const preset = getPreset('vae')!;
    const built = buildModel(preset.graph, 1);
    if (!built.ok) throw new Error(built.error.message);
    const weights = namedWeights(flattenWeights(built.value.model));
    built.value.dispose();
    const made = await latentWalkGif({
      graph: preset.graph,
      weights,
      data: preset.data,
      title: 'VAE',
      frames: 12,
      width: 640,
    });
    expect(made.ok ? 'ok' : made.error.message).toBe('ok');
    if (!made.ok) return;
    const gif = readGif(made.value.gif);
    expect(gif.frames.length).toBe(12);
    expect([gif.width, gif.height]).toEqual([640, 360]);
    writeFileSync('e2e/output/latent-walk.gif', made.value.gif);
    const png = new PNG({ width: gif.width, height: gif.height });
    png.data = Buffer.from(gif.frames[4].rgba);
    writeFileSync('e2e/output/latent-walk-frame5.png', PNG.sync.write(png));
    // The point moves, so the decoded picture changes from frame to frame.
    expect(
      Buffer.compare(Buffer.from(gif.frames[0].rgba), Buffer.from(gif.frames[6].rgba)),
    ).not.toBe(0);
  }, 60_000);

  it('refuses to animate nothing, in words', () => {
    const made = animateGif([], { title: 'x', image: [28, 28] });
    expect(made.ok).toBe(false);
    if (!made.ok) expect(made.error.message).toMatch(/nothing to animate/);
  });
});
