import type { ParamValue } from '../graph/document';
import { data, dense, graphOf, input, settings, type Step } from './build';
import type { Preset } from './types';

/** Generator on the row above, discriminator on the row below, the game between them. */
const GEN_ROW = -1;
const DIS_ROW = 1;

const prior = (size: number, name = 'noise'): Step => ({
  id: 'prior',
  kind: 'Prior',
  name,
  params: { distribution: 'normal', size, spread: 1 },
  row: GEN_ROW,
  column: 0,
  from: {},
});

const adversary = (
  column: number,
  score: string,
  fake: string,
  params: Record<string, ParamValue>,
): Step => ({
  id: 'adversary',
  kind: 'Adversary',
  name: 'game',
  params,
  row: 0,
  column,
  from: { score, fake },
});

const leaky = (id: string, name = 'leaky relu'): Step => ({
  id,
  kind: 'LeakyReLU',
  name,
  params: { alpha: 0.2 },
});

const batchNorm = (id: string, name = 'batch norm'): Step => ({
  id,
  kind: 'BatchNormalization',
  name,
});

/** DCGAN's optimizers (Radford et al. 2016): Adam with learning rate 2e-4 and beta1 0.5. */
const DCGAN_RULES = {
  discriminatorLearningRate: 0.0002,
  generatorLearningRate: 0.0002,
  beta1: 0.5,
};

/**
 * 100 noise values -> 256 -> 784 pixels against 784 -> 256 -> one score: the lecture's GAN.
 * Generator 227,344 and discriminator 201,217 parameters (adversarial.test.ts works them out).
 */
export const ganDensePreset: Preset = {
  id: 'gan-dense',
  title: 'Generative adversarial network (dense)',
  description:
    'A generator turns random noise into digits while a discriminator learns to tell them from real ones; each improves by beating the other. It teaches the adversarial game: no reconstruction, only a judge, and samples that look real without copying any one digit.',
  graph: graphOf([
    prior(100),
    { ...dense('g1', 256, 'linear', 'generator 1'), row: GEN_ROW, from: { in: 'prior' } },
    { ...leaky('g1act', 'generator 1 leaky relu'), row: GEN_ROW },
    { ...dense('g2', 784, 'sigmoid', 'generated digit'), row: GEN_ROW },
    { ...input(), row: DIS_ROW, column: 0 },
    {
      ...dense('d1', 256, 'linear', 'discriminator 1'),
      row: DIS_ROW,
      column: 1,
      from: { in: 'input' },
    },
    { ...leaky('d1act', 'discriminator 1 leaky relu'), row: DIS_ROW },
    { ...dense('d2', 1, 'sigmoid', 'real or fake'), row: DIS_ROW },
    // One-sided label smoothing (Salimans et al. 2016) keeps the judge from becoming too sure.
    adversary(4, 'd2', 'g2', { ...DCGAN_RULES, realLabel: 0.9 }),
  ]),
  // Batches of 32: twice the generator's steps for the same time. At 64 (1,275 steps) the fixed
  // noise gave 3 digits the classifier was sure of; at 32, 8 (ganCoverage.test.ts).
  settings: settings({ epochs: 15, batchSize: 32, learningRate: 0.0002 }),
  data: data({ limit: 6000 }),
};

const deconv = (id: string, filters: number, activation: string, name: string): Step => ({
  id,
  kind: 'Conv2DTranspose',
  name,
  params: { filters, kernelSize: 4, strides: 2, padding: 'same', activation },
});

const conv = (id: string, filters: number, name: string): Step => ({
  id,
  kind: 'Conv2D',
  name,
  params: { filters, kernelSize: 4, strides: 2, padding: 'same', activation: 'linear' },
});

/**
 * DCGAN (Radford et al. 2016) cut down for two cores: 7×7×64 grown by strided transposed
 * convolutions to 28×28×1, judged by strided convolutions; no pooling, batch norm in both players
 * but not on the generator's output or the discriminator's input, LeakyReLU(0.2) throughout.
 */
export const dcganPreset: Preset = {
  id: 'dcgan',
  title: 'Deep convolutional GAN (DCGAN)',
  description:
    'The generator paints a digit from noise with transposed convolutions, the discriminator judges it with strided convolutions, and neither pools. It teaches the architecture that made GANs work on images, and its codes can be added and subtracted like the lecture shows.',
  graph: graphOf([
    prior(100),
    {
      ...dense('g1', 7 * 7 * 64, 'linear', 'generator 1'),
      row: GEN_ROW,
      column: 1,
      from: { in: 'prior' },
    },
    {
      id: 'g1shape',
      kind: 'Reshape',
      name: 'to 7×7×64',
      params: { targetShape: [7, 7, 64] },
      row: GEN_ROW,
    },
    { ...batchNorm('g1bn', 'generator 1 batch norm'), row: GEN_ROW },
    { ...leaky('g1act', 'generator 1 leaky relu'), row: GEN_ROW },
    { ...deconv('g2', 32, 'linear', 'generator 2 (14×14)'), row: GEN_ROW },
    { ...batchNorm('g2bn', 'generator 2 batch norm'), row: GEN_ROW },
    { ...leaky('g2act', 'generator 2 leaky relu'), row: GEN_ROW },
    { ...deconv('g3', 1, 'sigmoid', 'generated digit'), row: GEN_ROW },
    { ...input([28, 28, 1]), row: DIS_ROW, column: 0 },
    {
      ...conv('d1', 32, 'discriminator 1 (14×14)'),
      row: DIS_ROW,
      column: 1,
      from: { in: 'input' },
    },
    { ...leaky('d1act', 'discriminator 1 leaky relu'), row: DIS_ROW },
    { ...conv('d2', 64, 'discriminator 2 (7×7)'), row: DIS_ROW },
    { ...batchNorm('d2bn', 'discriminator 2 batch norm'), row: DIS_ROW },
    { ...leaky('d2act', 'discriminator 2 leaky relu'), row: DIS_ROW },
    { id: 'd3flat', kind: 'Flatten', name: 'flatten', row: DIS_ROW },
    { ...dense('d3', 1, 'sigmoid', 'real or fake'), row: DIS_ROW },
    // Real digits labelled 0.9 (one-sided label smoothing, Salimans et al. 2016): at 1 the judge
    // won at once (D(fake) 0.03 after the first epoch) and the generator drew blots.
    adversary(9, 'd3', 'g3', { ...DCGAN_RULES, realLabel: 0.9 }),
  ]),
  // Batches of 32, as the dense GAN: twice the generator's steps in the same time. At 64 and
  // labels of 1, five epochs drew blots; at 32 and 0.9, strokes that read as digits (ganCoverage.test.ts).
  settings: settings({ epochs: 5, batchSize: 32, learningRate: 0.0002 }),
  data: data({ limit: 3000 }),
};

/**
 * An autoencoder with a 2-value code whose codes a discriminator compares with a 2-D standard
 * normal (Makhzani et al. 2016), so the code cloud takes the prior's shape and any point of it
 * decodes to a digit.
 */
export const aaePreset: Preset = {
  id: 'aae',
  title: 'Adversarial autoencoder (2-value code)',
  description:
    'An autoencoder whose codes a second network judges against random points of a round cloud, so the encoder learns to spread its codes like that cloud. It teaches a different road to generation than the VAE: a judge instead of a latent loss shapes the code space.',
  graph: graphOf([
    input(),
    dense('enc1', 256, 'relu', 'encoder 1'),
    dense('enc2', 64, 'relu', 'encoder 2'),
    dense('code', 2, 'linear', 'code'),
    dense('dec1', 64, 'relu', 'decoder 1'),
    dense('dec2', 256, 'relu', 'decoder 2'),
    dense('dec3', 784, 'sigmoid', 'decoder 3'),
    {
      id: 'output',
      kind: 'Output',
      name: 'reconstruction',
      params: { loss: 'binaryCrossentropy' },
    },
    { ...prior(2, 'prior'), row: 2, column: 2 },
    { ...dense('d1', 64, 'relu', 'discriminator 1'), row: 2, column: 3, from: { in: 'prior' } },
    { ...dense('d2', 64, 'relu', 'discriminator 2'), row: 2 },
    { ...dense('d3', 1, 'sigmoid', 'prior or code'), row: 2 },
    // Both players at 1e-3, the reconstruction's rate: at DCGAN's 2e-4 the reconstruction step
    // out-pulled the adversarial one and the codes spread to deviations 3 to 4 (measured; at 1e-3
    // the codes' means came to 0.12 and 0.16, deviations 0.87 and 0.96, after the 10 epochs).
    {
      ...adversary(6, 'd3', 'code', {
        ...DCGAN_RULES,
        discriminatorLearningRate: 0.001,
        generatorLearningRate: 0.001,
      }),
      row: 2,
    },
  ]),
  settings: settings({ epochs: 10, batchSize: 128, learningRate: 0.001 }),
  data: data(),
};
