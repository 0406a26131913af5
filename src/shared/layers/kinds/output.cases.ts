import type { KindCase } from '../testing/kindCase';

export const kindCase: KindCase = {
  kind: 'Output',
  examples: [
    {
      params: { loss: 'mse' },
      inputs: { in: [6] },
      output: [6],
      count: { trainable: 0, nonTrainable: 0 },
    },
  ],
  reference: null,
};
