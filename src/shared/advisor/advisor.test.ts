import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN_SETTINGS } from '../contract/training';
import { getPreset } from '../presets';
import { dense, graphOf, input, output } from '../presets/build';
import { advise, applyParamPatches } from '.';
import type { RunMeasurements } from './measurements';

const healthy: RunMeasurements = {
  task: 'reconstruct',
  loss: 'binaryCrossentropy',
  inputSize: 784,
  codeSize: 32,
  samples: 300,
  inputBinaryShare: 0.91,
  inputGreyShare: 0.09,
  reconGreyShare: 0.12,
  reconR2: 0.85,
  noiseR2: -1.3,
  deadCodeUnits: [],
  codeActivation: 'relu',
  klPerUnit: null,
};
const graph = getPreset('default')!.graph;
const epochs = [
  { trainLoss: 0.2, valLoss: 0.2 },
  { trainLoss: 0.15, valLoss: 0.15 },
];
const ask = (m: Partial<RunMeasurements>, g = graph, e = epochs) =>
  advise({
    graph: g,
    settings: DEFAULT_TRAIN_SETTINGS,
    epochs: e,
    measurements: { ...healthy, ...m },
  });

describe('the advisor rules', () => {
  it('says nothing about a healthy run', () => {
    expect(ask({})).toEqual([]);
  });

  it('suggests cross-entropy (and a sigmoid output) for blurry MSE reconstructions of black-and-white pictures', () => {
    const g = graphOf([
      input(),
      dense('code', 32, 'relu'),
      dense('dec', 784, 'linear'),
      output('mse'),
    ]);
    const [finding] = ask({ loss: 'mse', reconGreyShare: 0.3 }, g);
    expect(finding.kind).toBe('mse-on-binary');
    expect(finding.message).toMatch(/91% of the pixels are nearly black or white/);
    expect(finding.change?.graph).toEqual([
      { nodeId: 'output', key: 'loss', value: 'binaryCrossentropy' },
      { nodeId: 'dec', key: 'activation', value: 'sigmoid' },
    ]);
  });

  it('leaves MSE alone on grey pictures, where it is the right loss', () => {
    expect(
      ask({ loss: 'mse', inputBinaryShare: 0.3, inputGreyShare: 0.7, reconGreyShare: 0.8 }),
    ).toEqual([]);
  });

  it('widens a small code on a run that levelled off without overfitting', () => {
    const g = graphOf([
      input(),
      dense('e', 128, 'relu'),
      dense('code', 2, 'linear'),
      dense('d', 128, 'relu'),
      dense('dec', 784, 'sigmoid'),
      output(),
    ]);
    const flat = [
      { trainLoss: 0.2, valLoss: 0.2 },
      { trainLoss: 0.199, valLoss: 0.2 },
    ];
    const [finding] = ask({ codeSize: 2, reconR2: 0.4 }, g, flat);
    expect(finding.kind).toBe('code-too-small');
    expect(finding.change?.graph).toEqual([{ nodeId: 'code', key: 'units', value: 8 }]);
  });

  it('does not call a code too small while the loss still falls', () => {
    const g = graphOf([
      input(),
      dense('code', 2, 'linear'),
      dense('dec', 784, 'sigmoid'),
      output(),
    ]);
    expect(ask({ codeSize: 2, reconR2: 0.4 }, g)).toEqual([]);
  });

  it('changes both the mean and the log-variance layers when it resizes a VAE code', () => {
    const vae = getPreset('vae')!.graph;
    const [finding] = ask({ codeSize: 8, noiseR2: 0.9 }, vae);
    expect(finding.change?.graph.map((p) => p.nodeId).sort()).toEqual(['logVar', 'mean']);
  });

  it('applies a change as new params on the named nodes only', () => {
    const next = applyParamPatches(graph, [{ nodeId: 'output', key: 'loss', value: 'mse' }]);
    expect(next.nodes.find((n) => n.id === 'output')!.params.loss).toBe('mse');
    expect(graph.nodes.find((n) => n.id === 'output')!.params.loss).toBe('binaryCrossentropy');
    expect(next.nodes.filter((n, i) => n !== graph.nodes[i]).length).toBe(1);
  });
});
