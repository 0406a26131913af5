import type { KindCase } from '../testing/kindCase';

// At inference a VAE's sampling gives the mean, its first input.
export const kindCase: KindCase = {
  kind: 'Sampling',
  examples: [
    {
      params: { beta: 0.5 },
      inputs: { mean: [4], logVar: [4] },
      output: [4],
      count: { trainable: 0, nonTrainable: 0 },
    },
  ],
  reference: ({ inputs: [mean] }) => Float32Array.from(mean),
  python: 'Sampling(beta=0.5, name="layer")',
};
