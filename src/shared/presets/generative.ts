import { data, dense, graphOf, input, output, settings } from './build';
import type { Preset } from './types';

export const wtaPreset: Preset = {
  id: 'wta',
  title: 'Winner-take-all autoencoder',
  description:
    'A 256-value relu code in which only the 25 largest values of each digit are kept and the rest are set to zero (a k-sparse, winner-take-all code after Makhzani and Frey); the Code node also offers lifetime sparsity. It teaches how making units compete for each digit turns their features into strokes.',
  graph: graphOf([
    input(),
    dense('enc', 256, 'relu', 'encoder'),
    {
      id: 'code',
      kind: 'Code',
      name: 'code',
      params: { winners: 'top-k', k: 25 },
    },
    dense('dec', 784, 'sigmoid', 'decoder'),
    output(),
  ]),
  settings: settings(),
  data: data(),
};

export const denoisingChainPreset: Preset = {
  id: 'denoising-chain',
  title: 'Denoising chain that generates',
  description:
    "A denoising autoencoder trained on digits with salt-and-pepper noise. Corrupting its output and rebuilding it again and again walks a chain whose steps look like digits (Bengio's generative stochastic networks): it teaches that a denoiser has learned where the data lies.",
  graph: graphOf([
    input(),
    { id: 'noise', kind: 'SaltAndPepperNoise', name: 'noise', params: { rate: 0.3 } },
    dense('enc', 256, 'relu', 'encoder'),
    dense('code', 64, 'relu', 'code'),
    dense('dec1', 256, 'relu', 'decoder 1'),
    dense('dec2', 784, 'sigmoid', 'decoder 2'),
    output(),
  ]),
  settings: settings(),
  data: data(),
};
