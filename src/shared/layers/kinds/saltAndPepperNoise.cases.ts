import { identity, type KindCase } from '../testing/kindCase';

// Noise acts only while training: at inference the values pass unchanged.
export const kindCase: KindCase = {
  kind: 'SaltAndPepperNoise',
  examples: [
    {
      params: { rate: 0.2 },
      inputs: { in: [10] },
      output: [10],
      count: { trainable: 0, nonTrainable: 0 },
    },
    { inputs: { in: [4, 4, 1] }, output: [4, 4, 1], count: { trainable: 0, nonTrainable: 0 } },
  ],
  reference: identity,
  torch: 'self.layer(x)',
};
