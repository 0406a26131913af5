import { activate, type KindCase } from '../testing/kindCase';

export const kindCase: KindCase = {
  kind: 'Activation',
  examples: [
    {
      params: { activation: 'elu' },
      inputs: { in: [7] },
      output: [7],
      count: { trainable: 0, nonTrainable: 0 },
    },
    {
      params: { activation: 'softplus' },
      inputs: { in: [3, 3, 2] },
      output: [3, 3, 2],
      count: { trainable: 0, nonTrainable: 0 },
    },
  ],
  reference: ({ inputs: [x], params }) => x.map((v) => activate(params.activation, v)),
  python: 'layers.Activation("elu", name="layer")',
  torch: 'F.elu(x)',
};
