import { identity, type KindCase } from '../testing/kindCase';

export const kindCase: KindCase = {
  kind: 'Reshape',
  examples: [
    {
      params: { targetShape: [4, 4, 2] },
      inputs: { in: [32] },
      output: [4, 4, 2],
      count: { trainable: 0, nonTrainable: 0 },
    },
    {
      params: { targetShape: [12] },
      inputs: { in: [2, 3, 2] },
      output: [12],
      count: { trainable: 0, nonTrainable: 0 },
    },
  ],
  reference: identity,
  python: 'layers.Reshape((4, 4, 2), name="layer")',
  torch: 'x.reshape(x.shape[0], 4, 4, 2)',
};
