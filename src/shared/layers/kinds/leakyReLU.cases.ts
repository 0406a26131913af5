import type { KindCase } from '../testing/kindCase';

export const kindCase: KindCase = {
  kind: 'LeakyReLU',
  examples: [
    { inputs: { in: [8] }, output: [8], count: { trainable: 0, nonTrainable: 0 } },
    {
      params: { alpha: 0.05 },
      inputs: { in: [4, 4, 3] },
      output: [4, 4, 3],
      count: { trainable: 0, nonTrainable: 0 },
    },
  ],
  // max(x, alpha x) for 0 <= alpha <= 1.
  reference: ({ inputs: [x], params }) => x.map((v) => (v > 0 ? v : (params.alpha as number) * v)),
  python: 'layers.LeakyReLU(negative_slope=0.2, name="layer")',
  torch: 'F.leaky_relu(x, 0.2)',
};
