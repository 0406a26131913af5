import { activate, matVec, type KindCase } from '../testing/kindCase';

export const kindCase: KindCase = {
  kind: 'Dense',
  examples: [
    // 6 x 4 kernel + 4 biases
    {
      params: { units: 4, activation: 'tanh', kernelInitializer: 'heNormal' },
      inputs: { in: [6] },
      output: [4],
      count: { trainable: 28, nonTrainable: 0 },
    },
    {
      params: { units: 3, useBias: false, kernelInitializer: 'randomNormal', initStddev: 0.3 },
      inputs: { in: [5] },
      output: [3],
      count: { trainable: 15, nonTrainable: 0 },
    },
  ],
  reference: ({ inputs: [x], outShape: [units], params, weights }) =>
    matVec(x, weights.kernel, units, weights.bias).map((v) => activate(params.activation, v)),
  python:
    'layers.Dense(4, activation="tanh", kernel_initializer=keras.initializers.HeNormal(), name="layer")',
  torch: 'torch.tanh(self.layer(x))',
};
