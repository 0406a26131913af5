import type { KindCase } from '../testing/kindCase';

// Like Output it marks an end: it adds no layer, and passes the judge's one value on.
export const kindCase: KindCase = {
  kind: 'Adversary',
  examples: [
    {
      inputs: { score: [1], fake: [784] },
      output: [1],
      count: { trainable: 0, nonTrainable: 0 },
    },
    {
      params: { generatorLoss: 'minimax', realLabel: 0.9, discriminatorSteps: 2 },
      inputs: { score: [1], fake: [28, 28, 1] },
      output: [1],
      count: { trainable: 0, nonTrainable: 0 },
    },
  ],
  reference: null,
};
