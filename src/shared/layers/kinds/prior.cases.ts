import type { KindCase } from '../testing/kindCase';

// A source like Input: in the network it feeds it is that network's InputLayer.
export const kindCase: KindCase = {
  kind: 'Prior',
  examples: [
    { inputs: {}, output: [100], count: { trainable: 0, nonTrainable: 0 } },
    {
      params: { distribution: 'uniform', size: 2, spread: 2 },
      inputs: {},
      output: [2],
      count: { trainable: 0, nonTrainable: 0 },
    },
  ],
  reference: null,
};
