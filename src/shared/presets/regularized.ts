import { data, dense, graphOf, input, output, settings, type Step } from './build';
import type { Preset } from './types';

const denoising = (noise: Step): Step[] => [
  input(),
  noise,
  dense('enc1', 128, 'relu', 'encoder 1'),
  dense('enc2', 32, 'relu', 'code'),
  dense('dec1', 128, 'relu', 'decoder 1'),
  dense('dec2', 784, 'sigmoid', 'decoder 2'),
  output(),
];

export const denoisingGaussianPreset: Preset = {
  id: 'denoising-gaussian',
  title: 'Denoising with Gaussian noise',
  description:
    'Noise is added to each digit while training, and the model must rebuild the clean digit. It teaches that learning to remove noise forces the code to keep what matters and drop what does not.',
  graph: graphOf(
    denoising({ id: 'noise', kind: 'GaussianNoise', name: 'noise', params: { stddev: 0.2 } }),
  ),
  settings: settings(),
  data: data(),
};

export const denoisingDropoutPreset: Preset = {
  id: 'denoising-dropout',
  title: 'Denoising with dropout',
  description:
    'Half of the pixels of each digit are switched off while training, and the model must fill them back in. It teaches the same lesson as Gaussian noise with a different kind of damage.',
  graph: graphOf(
    denoising({ id: 'noise', kind: 'Dropout', name: 'dropout', params: { rate: 0.5 } }),
  ),
  settings: settings(),
  data: data(),
};

export const sparseL1Preset: Preset = {
  id: 'sparse-l1',
  title: 'Sparse code with an L1 penalty',
  description:
    'A 300-value sigmoid code with a penalty on the size of its values, so most of them stay near zero. It teaches that a wide code can still be compact when only a few values are active for each digit.',
  graph: graphOf([
    input(),
    dense('enc1', 100, 'selu', 'encoder 1'),
    dense('enc2', 300, 'sigmoid', 'encoder 2'),
    { id: 'code', kind: 'Code', name: 'code', params: { sparsity: 'l1', sparsityWeight: 0.001 } },
    dense('dec1', 100, 'selu', 'decoder 1'),
    dense('dec2', 784, 'sigmoid', 'decoder 2'),
    output(),
  ]),
  settings: settings(),
  data: data(),
};

export const sparseKlPreset: Preset = {
  id: 'sparse-kl',
  title: 'Sparse code with a KL penalty (target 0.1)',
  description:
    'A 1,000-value sigmoid code whose average activation is pulled towards 0.1 by a KL divergence penalty of weight 0.2. It teaches how a target sparsity makes each code value specialise in a few kinds of strokes.',
  graph: graphOf([
    input(),
    dense('enc', 1000, 'sigmoid', 'encoder'),
    {
      id: 'code',
      kind: 'Code',
      name: 'code',
      params: { sparsity: 'kl', sparsityWeight: 0.2, targetRate: 0.1 },
    },
    dense('dec', 784, 'sigmoid', 'decoder'),
    output(),
  ]),
  // 7 epochs: about 55 s here (10 took 77 s); the mean activation is near the target by then.
  settings: settings({ epochs: 7 }),
  data: data(),
};

export const contractivePreset: Preset = {
  id: 'contractive',
  title: 'Contractive autoencoder',
  description:
    "A penalty on how much the code changes when the input changes a little (the size of the encoder's Jacobian). It teaches that a code can be made robust to small changes without adding noise.",
  graph: graphOf([
    input(),
    dense('enc', 64, 'sigmoid', 'encoder'),
    { id: 'code', kind: 'Code', name: 'code', params: { contractiveWeight: 0.01 } },
    dense('dec', 784, 'sigmoid', 'decoder'),
    output(),
  ]),
  settings: settings(),
  data: data(),
};
