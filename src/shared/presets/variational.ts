import { data, dense, graphOf, input, output, settings } from './build';
import type { Preset } from './types';

/**
 * An 8-value code: after its default run (12 epochs, about 20 s on two cores with OpenBLAS) 100 codes drawn
 * from the prior decode to all ten digits (test/vaeCoverage.test.ts). A 2-value code needed about
 * 45 epochs for that and showed mostly 0, 1, 7 and 9 after 20.
 */
const CODE_SIZE = 8;

export const vaePreset: Preset = {
  id: 'vae',
  title: 'Variational autoencoder (8-value code)',
  description:
    'The encoder proposes a mean and a spread for each digit, a random code is drawn from them, and a latent loss keeps all codes in one smooth cloud. It teaches generation: codes drawn at random from that cloud decode to plausible digits of every kind, which the Generate view lets you explore two values at a time.',
  graph: graphOf([
    input(),
    dense('enc1', 150, 'selu', 'encoder 1'),
    dense('enc2', 100, 'selu', 'encoder 2'),
    { ...dense('mean', CODE_SIZE, 'linear', 'mean'), row: -1 },
    {
      ...dense('logVar', CODE_SIZE, 'linear', 'log variance'),
      row: 1,
      column: 3,
      from: { in: 'enc2' },
    },
    {
      id: 'sampling',
      kind: 'Sampling',
      name: 'sampling',
      // Hands-On ML divides the latent loss by the 784 pixels the reconstruction loss averages over.
      params: { beta: 1 / 784 },
      from: { mean: 'mean', logVar: 'logVar' },
    },
    dense('dec1', 100, 'selu', 'decoder 1'),
    dense('dec2', 150, 'selu', 'decoder 2'),
    dense('dec3', 784, 'sigmoid', 'decoder 3'),
    output(),
  ]),
  // Twice the default learning rate: the latent cloud settles in 12 epochs instead of 40-odd.
  settings: settings({ epochs: 12, batchSize: 128, learningRate: 0.002 }),
  data: data(),
};
