import { describe, expect, it } from 'vitest';
import { advise, type Finding } from '../../../shared/advisor';
import { dataSpecSchema, DEFAULT_TRAIN_SETTINGS } from '../../../shared/contract/training';
import type { TrainSettings } from '../../../shared/contract/training';
import type { GraphDocument } from '../../../shared/graph/document';
import { getPreset } from '../../../shared/presets';
import { dense, graphOf, input, output } from '../../../shared/presets/build';
import type { PreparedData, SampleSet } from '../data/dataset';
import { prepareData } from '../data/prepare';
import { buildModel } from '../model';
import { initBackend } from '../tf/backend';
import { measureForAdvice } from './adviseMeasure';
import { runTraining } from './loop';

// 3,000 real digits (2,700 to train on): enough for the default model to start drawing digits in
// two epochs, small enough that each purpose-built run here trains in about 20 s on two cores.
const digits = prepareData(dataSpecSchema.parse({ limit: 3000, validationShare: 0.1 }));
const MEASURED = 300;

/** Trains a design with the real loop, then asks the advisor about it, as the Train view does. */
async function trainAndAdvise(
  graph: GraphDocument,
  overrides: Partial<TrainSettings>,
  data?: PreparedData,
): Promise<Finding[]> {
  const backend = await initBackend('wasm');
  const prepared = data ?? (await digits);
  const settings = { ...DEFAULT_TRAIN_SETTINGS, ...overrides };
  const built = buildModel(graph, settings.seed);
  if (!built.ok) throw new Error(built.error.message);
  const epochs: { trainLoss: number; valLoss: number | null }[] = [];
  try {
    const outcome = await runTraining(
      {
        runId: 'advisor',
        built: built.value,
        settings,
        data: prepared,
        inputShape: built.value.inputShape,
        backend,
        snapshots: false,
      },
      (name, payload) => {
        if (name === 'train.epoch') epochs.push(payload as (typeof epochs)[number]);
      },
      { stopRequested: false, waitWhilePaused: () => Promise.resolve() },
    );
    expect(outcome.status).toBe('completed');
    const n = Math.min(MEASURED, prepared.validation.count);
    const images = prepared.validation.images.slice(0, n * prepared.sampleSize);
    const measurements = await measureForAdvice(built.value, images, n);
    return advise({ graph, settings, epochs, measurements });
  } finally {
    built.value.dispose();
  }
}

/** The digits at 7x7 (each value the mean of a 4x4 block): a small input a wide code can copy. */
function shrunk(set: SampleSet): SampleSet {
  const images = new Float32Array(set.count * 49);
  for (let s = 0; s < set.count; s++)
    for (let y = 0; y < 28; y++)
      for (let x = 0; x < 28; x++)
        images[s * 49 + Math.floor(y / 4) * 7 + Math.floor(x / 4)] +=
          set.images[s * 784 + y * 28 + x] / 16;
  return { images, labels: set.labels, count: set.count };
}

const kinds = (findings: Finding[]) => findings.map((f) => f.kind);

describe('the advisor on purpose-built runs', () => {
  it('flags an overcomplete model that copies its input, because it rebuilds noise too', async () => {
    const d = await digits;
    const small: PreparedData = {
      ...d,
      sampleShape: [49],
      sampleSize: 49,
      train: shrunk(d.train),
      validation: shrunk(d.validation),
    };
    const graph = graphOf([
      input([49]),
      dense('code', 128, 'linear', 'code'),
      dense('dec', 49, 'linear', 'decoder'),
      output('mse'),
    ]);
    const findings = await trainAndAdvise(
      graph,
      { epochs: 2, batchSize: 32, learningRate: 0.01 },
      small,
    );
    expect(kinds(findings)).toContain('copies-input');
    const copy = findings.find((f) => f.kind === 'copies-input')!;
    expect(copy.message).toMatch(/128 values for 49 inputs/);
    // The one-click change narrows the code layer.
    expect(copy.change?.graph).toEqual([{ nodeId: 'code', key: 'units', value: 6 }]);
  }, 90_000);

  it('flags a VAE whose KL collapsed, and offers a smaller beta', async () => {
    const graph = structuredClone(getPreset('vae')!.graph);
    const sampling = graph.nodes.find((n) => n.kind === 'Sampling')!;
    sampling.params.beta = 10;
    const findings = await trainAndAdvise(graph, { epochs: 1, batchSize: 32 });
    expect(kinds(findings)).toContain('kl-collapse');
    const change = findings.find((f) => f.kind === 'kl-collapse')!.change;
    expect(change?.graph).toEqual([{ nodeId: sampling.id, key: 'beta', value: 1 }]);
  }, 90_000);

  it('flags dead code units: a ReLU code that starts at zero never moves', async () => {
    const graph = graphOf([
      input(),
      dense('code', 32, 'relu', 'code'),
      dense('dec', 784, 'sigmoid', 'decoder'),
      output(),
    ]);
    graph.nodes.find((n) => n.id === 'code')!.params.kernelInitializer = 'zeros';
    const findings = await trainAndAdvise(graph, { epochs: 1, batchSize: 64 });
    const dead = findings.find((f) => f.kind === 'dead-code-units');
    expect(dead?.title).toBe('32 of 32 code values are dead');
    expect(dead?.change?.graph).toEqual([{ nodeId: 'code', key: 'activation', value: 'elu' }]);
  }, 90_000);

  it('stays silent on a healthy run of the default model', async () => {
    const preset = getPreset('default')!;
    const findings = await trainAndAdvise(preset.graph, {
      ...preset.settings,
      epochs: 2,
      batchSize: 64,
    });
    expect(findings).toEqual([]);
  }, 90_000);
});
