import { identity, type KindCase } from '../testing/kindCase';

// The code passes its values on; its penalties only add to the training loss.
export const kindCase: KindCase = {
  kind: 'Code',
  examples: [
    {
      params: { sparsity: 'kl', targetRate: 0.05 },
      inputs: { in: [6] },
      output: [6],
      count: { trainable: 0, nonTrainable: 0 },
    },
    {
      params: { sparsity: 'l1', contractiveWeight: 0.1 },
      inputs: { in: [3] },
      output: [3],
      count: { trainable: 0, nonTrainable: 0 },
    },
  ],
  reference: identity,
  python: 'Code(sparsity="kl", sparsity_weight=0.001, target_rate=0.05, name="layer")',
  torch: 'x',
};
