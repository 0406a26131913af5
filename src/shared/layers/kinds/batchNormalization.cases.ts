import type { KindCase } from '../testing/kindCase';

export const kindCase: KindCase = {
  kind: 'BatchNormalization',
  examples: [
    // gamma and beta learn (2 x 5); the moving mean and variance are kept (2 x 5).
    {
      params: { epsilon: 0.01 },
      inputs: { in: [5] },
      output: [5],
      count: { trainable: 10, nonTrainable: 10 },
    },
    { inputs: { in: [3, 3, 4] }, output: [3, 3, 4], count: { trainable: 8, nonTrainable: 8 } },
  ],
  // At inference: gamma (x - moving mean) / sqrt(moving variance + epsilon) + beta, per channel.
  reference: ({ inputs: [x], shapes: [shape], params, weights }) => {
    const c = shape[shape.length - 1];
    const eps = params.epsilon as number;
    return x.map((v, i) => {
      const k = i % c;
      const norm = (v - weights.moving_mean[k]) / Math.sqrt(weights.moving_variance[k] + eps);
      return weights.gamma[k] * norm + weights.beta[k];
    });
  },
  python: 'layers.BatchNormalization(momentum=0.99, epsilon=0.01, name="layer")',
};
