import { data, dense, graphOf, input, output, settings } from './build';
import type { Preset } from './types';

export const vaePreset: Preset = {
  id: 'vae',
  title: 'Variational autoencoder (2-D latent)',
  description:
    'The encoder proposes a mean and a spread for each digit, a random code is drawn from them, and a latent loss keeps all codes in one smooth cloud. It teaches generation: any point of the 2-D plane decodes to a plausible digit, which the Generate view lets you explore.',
  graph: graphOf([
    input(),
    dense('enc1', 150, 'selu', 'encoder 1'),
    dense('enc2', 100, 'selu', 'encoder 2'),
    { ...dense('mean', 2, 'linear', 'mean'), row: -1 },
    { ...dense('logVar', 2, 'linear', 'log variance'), row: 1, column: 3, from: { in: 'enc2' } },
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
  settings: settings({ epochs: 20, batchSize: 128 }),
  data: data(),
};
