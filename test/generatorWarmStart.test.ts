import { afterEach, describe, expect, it } from 'vitest';
import type { StudioClient } from '../src/shared/contract/client';
import type { GraphDocument } from '../src/shared/graph/document';
import { getPreset } from '../src/shared/presets';
import type { StudioHost } from '../src/main/services/host';
import { decoderAsGenerator } from '../src/renderer/src/editor/actions/decoderGenerator';
import { memoryStudio, nextEvent } from './helpers';

/**
 * "Use this decoder as a generator", end to end through the host and the trainer process: the GAN
 * made from a trained VAE starts with the decoder's weights, so before the game has changed them
 * it draws what the decoder drew.
 */

let host: StudioHost | null = null;
afterEach(() => host?.dispose());

const vae = getPreset('vae')!;

async function train(
  client: StudioClient,
  graph: GraphDocument,
  extra: { warmStart?: { runId: string; layers: string[] } } = {},
  seed = vae.settings.seed,
): Promise<string> {
  const ended = nextEvent(client, 'train.ended');
  const started = await client.invoke('train.start', {
    graph,
    settings: { ...vae.settings, epochs: 1, batchSize: 100, seed },
    data: { limit: 400, validationShare: 0.25 },
    ...extra,
  });
  if (!started.ok) throw new Error(started.error.message);
  expect(await ended).toMatchObject({ status: 'completed' });
  return started.value.runId;
}

async function decode(
  client: StudioClient,
  runId: string,
  points: Float32Array<ArrayBuffer>,
  count: number,
) {
  const decoded = await client.invoke('model.decode', { runId, points, count });
  if (!decoded.ok) throw new Error(decoded.error.message);
  return decoded.value.images as Float32Array;
}

/** A studio with the VAE preset trained one short epoch, and the GAN made from its decoder. */
async function trainedVaeAndItsGan() {
  const studio = memoryStudio();
  host = studio.host;
  const { client } = studio;
  const vaeRun = await train(client, vae.graph);
  const made = decoderAsGenerator(vae.graph);
  if (!made.ok) throw new Error(made.error.message);
  return { client, vaeRun, made: made.value };
}

const largestDifference = (a: Float32Array, b: Float32Array) =>
  a.reduce((worst, v, i) => Math.max(worst, Math.abs(v - b[i])), 0);

describe('a decoder used as a generator', () => {
  it("starts the GAN's generator from the trained decoder's weights, and says nothing is fresh", async () => {
    const { client, vaeRun, made } = await trainedVaeAndItsGan();
    const { doc, layers, codeSize } = made;
    // The game's steps as small as the rules allow, so one short epoch barely moves the weights.
    const slow: GraphDocument = {
      ...doc,
      nodes: doc.nodes.map((n) =>
        n.kind === 'Adversary'
          ? {
              ...n,
              params: { ...n.params, generatorLearningRate: 1e-6, discriminatorLearningRate: 1e-6 },
            }
          : n,
      ),
    };
    // The trainer keeps the newest runs' models: each is asked right after its run.
    const count = 8;
    const points = Float32Array.from({ length: count * codeSize }, (_, i) => Math.sin(i * 2.3));
    const drawn = await decode(client, vaeRun, points, count);
    const warnings: string[] = [];
    client.on('train.warning', (w) => warnings.push(w.message));
    // Another seed than the VAE's: a fresh layer would not start where the decoder started.
    const warmRun = await train(client, slow, { warmStart: { runId: vaeRun, layers } }, 7);
    const warm = await decode(client, warmRun, points, count);
    const freshRun = await train(client, slow, {}, 7);
    const fresh = await decode(client, freshRun, points, count);
    expect(warm.length).toBe(drawn.length);
    // Two generator steps of at most 1e-6 a weight: the warm generator draws the decoder's digits.
    expect(largestDifference(warm, drawn)).toBeLessThan(1e-3);
    // A generator started afresh draws something else altogether.
    expect(largestDifference(fresh, drawn)).toBeGreaterThan(0.1);
    expect(warnings.filter((w) => /fresh weights/.test(w))).toEqual([]);
  });

  it('says which layers start fresh when the trained weights do not fit them', async () => {
    const { client, vaeRun, made } = await trainedVaeAndItsGan();
    const warning = nextEvent(client, 'train.warning');
    await train(client, made.doc, {
      warmStart: { runId: vaeRun, layers: [...made.layers, 'no such layer'] },
    });
    expect(await warning).toMatchObject({
      kind: 'warm-start',
      message: expect.stringMatching(
        /fresh weights.*no such layer: the new design has no such layer/,
      ),
    });
  });
});
