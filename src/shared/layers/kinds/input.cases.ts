import type { KindCase } from '../testing/kindCase';

export const kindCase: KindCase = {
  kind: 'Input',
  examples: [
    {
      params: { shape: [28, 28, 1] },
      inputs: {},
      output: [28, 28, 1],
      count: { trainable: 0, nonTrainable: 0 },
    },
    { inputs: {}, output: [784], count: { trainable: 0, nonTrainable: 0 } },
  ],
  reference: null,
};
