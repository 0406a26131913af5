import type { KindCase, ReferenceArgs } from '../testing/kindCase';

/**
 * The code passes its values on at inference; its penalties only add to the training loss, and a
 * lifetime winner rule only acts while training. A top-k code keeps each sample's k largest values.
 */
function reference({ inputs, params }: ReferenceArgs): Float32Array {
  const x = inputs[0];
  if (params.winners !== 'top-k') return Float32Array.from(x);
  const k = params.k as number;
  const winners = new Set(
    Array.from(x, (_, i) => i)
      .sort((a, b) => x[b] - x[a])
      .slice(0, k),
  );
  return Float32Array.from(x, (v, i) => (winners.has(i) ? v : 0));
}

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
    {
      params: { winners: 'top-k', k: 2 },
      inputs: { in: [7] },
      output: [7],
      count: { trainable: 0, nonTrainable: 0 },
    },
    {
      params: { winners: 'lifetime', lifetimeRate: 0.2 },
      inputs: { in: [5] },
      output: [5],
      count: { trainable: 0, nonTrainable: 0 },
    },
  ],
  reference,
  python: 'Code(sparsity="kl", sparsity_weight=0.001, target_rate=0.05, name="layer")',
  torch: 'x',
};
