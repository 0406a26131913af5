import { activate, type KindCase } from '../testing/kindCase';

export const kindCase: KindCase = {
  kind: 'TiedDense',
  examples: [
    // Only its 6 biases: the kernel is the partner's (6 in, 4 units), transposed.
    {
      params: { activation: 'sigmoid' },
      inputs: { in: [4] },
      partner: { units: 4, inputSize: 6 },
      output: [6],
      count: { trainable: 6, nonTrainable: 0 },
    },
  ],
  // y_j = sum_i x_i K[j, i] + b_j with the partner's kernel K of [6, 4].
  reference: ({ inputs: [x], outShape: [n], params, weights }) => {
    const k = weights['partner/kernel'];
    const out = new Float32Array(n);
    for (let j = 0; j < n; j++) {
      let s = weights.bias ? weights.bias[j] : 0;
      for (let i = 0; i < x.length; i++) s += x[i] * k[j * x.length + i];
      out[j] = activate(params.activation, s);
    }
    return out;
  },
};
