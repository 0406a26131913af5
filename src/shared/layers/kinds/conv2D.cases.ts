import { activate, at, padBefore, type KindCase } from '../testing/kindCase';

export const kindCase: KindCase = {
  kind: 'Conv2D',
  examples: [
    // 3 x 3 window x 2 channels x 4 filters + 4 biases; 'same' with step 2: ceil(7 / 2) = 4.
    {
      params: { filters: 4, strides: 2, activation: 'tanh' },
      inputs: { in: [7, 7, 2] },
      output: [4, 4, 4],
      count: { trainable: 76, nonTrainable: 0 },
    },
    // 'valid' 3 x 3 on 6 x 5: 4 x 3; 3 * 3 * 1 * 2 + 2.
    {
      params: { filters: 2, padding: 'valid', activation: 'linear' },
      inputs: { in: [6, 5, 1] },
      output: [4, 3, 2],
      count: { trainable: 20, nonTrainable: 0 },
    },
  ],
  // out[y][x][f] = b[f] + sum over the window and channels of in * kernel[a][b][c][f].
  reference: ({ inputs: [img], shapes: [[h, w, c]], outShape: [oh, ow, f], params, weights }) => {
    const k = params.kernelSize as number;
    const s = params.strides as number;
    const [top, left] = [padBefore(h, k, s, params.padding), padBefore(w, k, s, params.padding)];
    const out = new Float32Array(oh * ow * f);
    for (let y = 0; y < oh; y++)
      for (let x = 0; x < ow; x++)
        for (let o = 0; o < f; o++) {
          let sum = weights.bias[o];
          for (let a = 0; a < k; a++)
            for (let b = 0; b < k; b++) {
              const [iy, ix] = [y * s + a - top, x * s + b - left];
              if (iy < 0 || ix < 0 || iy >= h || ix >= w) continue;
              for (let ch = 0; ch < c; ch++)
                sum += at(img, w, c, iy, ix, ch) * weights.kernel[((a * k + b) * c + ch) * f + o];
            }
          out[(y * ow + x) * f + o] = activate(params.activation, sum);
        }
    return out;
  },
  python: 'layers.Conv2D(4, 3, strides=2, padding="same", activation="tanh", name="layer")',
  torch: 'torch.tanh(self.layer(x))',
};
