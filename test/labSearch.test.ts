import { afterEach, describe, expect, it } from 'vitest';
import type { StudioHost } from '../src/main/services/host';
import type { StudioClient } from '../src/shared/contract/client';
import type { EventPayload } from '../src/shared/contract/events';
import type { GraphDocument } from '../src/shared/graph/document';
import { codeActivation } from '../src/shared/lab/codeLayer';
import { nearestRows, rowOf } from '../src/shared/lab/neighbours';
import { precisionAtK, spreadQueries } from '../src/shared/lab/precision';
import { searchReport, type SearchReport } from '../src/shared/lab/searchReport';
import { getPreset } from '../src/shared/presets';
import { dense, graphOf, input, output, settings } from '../src/shared/presets/build';
import { memoryStudio, nextEvent, requireBuiltTrainer } from './helpers';

/**
 * A small autoencoder whose 64-value code is a sigmoid layer, as semantic hashing asks: Gaussian
 * noise before the sigmoid while training pushes each code value towards 0 or 1 (Salakhutdinov
 * and Hinton; Hands-On ML ch. 17), so cutting at 0.5 loses little.
 */
const sigmoidCode = graphOf([
  input(),
  dense('enc', 128, 'relu', 'encoder'),
  dense('logits', 64, 'linear', 'code logits'),
  { id: 'noise', kind: 'GaussianNoise', name: 'noise', params: { stddev: 1 } },
  { id: 'squash', kind: 'Activation', name: 'squash', params: { activation: 'sigmoid' } },
  { id: 'code', kind: 'Code', name: 'code' },
  dense('dec', 128, 'relu', 'decoder'),
  dense('out', 784, 'sigmoid', 'pixels'),
  output(),
]);

/** The default design's shape (784-128-32-128-784, relu code), the Lab's usual model. */
const reluCode = graphOf([
  input(),
  dense('enc', 128, 'relu', 'encoder'),
  dense('code', 32, 'relu', 'code'),
  dense('dec', 128, 'relu', 'decoder'),
  dense('out', 784, 'sigmoid', 'pixels'),
  output(),
]);

let host: StudioHost | null = null;
afterEach(() => host?.dispose());

/** Trains `graph` with the real trainer loop and returns its run and validation samples. */
async function trained(
  graph: GraphDocument,
  epochs: number,
  limit: number,
): Promise<{ client: StudioClient; runId: string; samples: EventPayload<'train.samples'> }> {
  requireBuiltTrainer();
  const studio = memoryStudio();
  host = studio.host;
  const samples = nextEvent(studio.client, 'train.samples');
  const ended = nextEvent(studio.client, 'train.ended');
  const started = await studio.client.invoke('train.start', {
    graph,
    settings: settings({ epochs, batchSize: 32, learningRate: 0.003 }),
    data: { limit, validationShare: 0.25 },
  });
  if (!started.ok) throw new Error(started.error.message);
  expect(await ended).toMatchObject({ status: 'completed' });
  return { client: studio.client, runId: started.value.runId, samples: await samples };
}

describe('finding digits by their codes (the Lab)', () => {
  it('reports precision at 10 by Hamming distance on the bits of a trained sigmoid code, well above random', async () => {
    expect(codeActivation(sigmoidCode)).toBe('sigmoid');
    const { client, runId, samples } = await trained(sigmoidCode, 3, 1600);
    const encoded = await client.invoke('model.encodeVariance', {
      runId,
      images: samples.images,
      count: samples.count,
    });
    if (!encoded.ok) throw new Error(encoded.error.message);
    // A plain model has no log-variance to give.
    expect(encoded.value).toMatchObject({ codeSize: 64, count: samples.count, logVar: null });
    const report = searchReport({
      codes: { values: encoded.value.codes, count: samples.count, dim: 64 },
      pixels: { values: samples.images, count: samples.count, dim: 784 },
      labels: samples.labels,
      rule: 'half',
    });
    console.info(describe_(report));
    expect(report).toMatchObject({ k: 10, queries: 200, rule: 'half' });
    expect(report.chance).toBeLessThan(0.15);
    expect(report.hamming).toBeGreaterThan(2 * report.chance);
  });

  it('finds mostly the same digit as the nearest neighbours by code of a trained model', async () => {
    const { client, runId, samples } = await trained(reluCode, 3, 1600);
    const encoded = await client.invoke('model.encode', {
      runId,
      images: samples.images,
      count: samples.count,
    });
    if (!encoded.ok) throw new Error(encoded.error.message);
    const codes = { values: encoded.value.codes, count: samples.count, dim: 32 };
    const queries = spreadQueries(samples.count, 100);
    const byCode = precisionAtK(samples.labels, queries, 10, (q) =>
      nearestRows(codes, rowOf(codes, q), 10, q),
    );
    expect(byCode).toBeGreaterThan(0.5);
    // A relu code has no cut at 0.5: its bits are cut at each unit's median, and still find digits.
    const report = searchReport({
      codes,
      pixels: { values: samples.images, count: samples.count, dim: 784 },
      labels: samples.labels,
      rule: 'median',
    });
    console.info(describe_(report));
    expect(report.hamming).toBeGreaterThan(2 * report.chance);
  });

  it('gives a variational model’s drawing its code and one finite log-variance per code value', async () => {
    const { client, runId, samples } = await trained(getPreset('vae')!.graph, 1, 600);
    const image = samples.images.slice(0, 784);
    const withSpread = await client.invoke('model.encodeVariance', {
      runId,
      images: image,
      count: 1,
    });
    const plain = await client.invoke('model.encode', { runId, images: image, count: 1 });
    if (!withSpread.ok || !plain.ok) throw new Error('encoding failed');
    expect(withSpread.value.codeSize).toBe(8);
    expect(Array.from(withSpread.value.codes)).toEqual(Array.from(plain.value.codes));
    expect(withSpread.value.logVar).toHaveLength(8);
    expect(withSpread.value.logVar!.every(Number.isFinite)).toBe(true);

    const wrongSize = await client.invoke('model.encodeVariance', {
      runId,
      images: new Float32Array(10),
      count: 1,
    });
    expect(wrongSize.ok).toBe(false);
  });
});

const describe_ = (r: SearchReport) =>
  `Lab search (${r.rule}), precision at ${r.k} over ${r.queries} queries: Hamming ${r.hamming.toFixed(3)}, codes ${r.codes.toFixed(3)}, pixels ${r.pixels.toFixed(3)}, chance ${r.chance.toFixed(3)}`;
