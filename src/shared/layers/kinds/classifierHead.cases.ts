import { matVec, type KindCase } from '../testing/kindCase';

export const kindCase: KindCase = {
  kind: 'ClassifierHead',
  examples: [
    // 8 x 3 kernel + 3 biases.
    {
      params: { classes: 3 },
      inputs: { in: [8] },
      output: [3],
      count: { trainable: 27, nonTrainable: 0 },
    },
  ],
  // softmax(x W + b)
  reference: ({ inputs: [x], outShape: [n], weights }) => {
    const z = matVec(x, weights.kernel, n, weights.bias);
    const top = Math.max(...z);
    const e = z.map((v) => Math.exp(v - top));
    const sum = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / sum);
  },
};
