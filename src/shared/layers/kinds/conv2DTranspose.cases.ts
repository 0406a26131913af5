import { activate, at, type KindCase } from '../testing/kindCase';

export const kindCase: KindCase = {
  kind: 'Conv2DTranspose',
  examples: [
    // 'same' step 2 doubles 3 x 3 to 6 x 6; 3 * 3 * 2 in * 3 filters + 3 biases.
    {
      params: { filters: 3, activation: 'linear' },
      inputs: { in: [3, 3, 2] },
      output: [6, 6, 3],
      count: { trainable: 57, nonTrainable: 0 },
    },
    // 'valid' step 1: 4 + 3 - 1 = 6.
    {
      params: { filters: 2, strides: 1, padding: 'valid', activation: 'relu' },
      inputs: { in: [4, 4, 1] },
      output: [6, 6, 2],
      count: { trainable: 20, nonTrainable: 0 },
    },
  ],
  // Each input pixel paints the kernel (tfjs' [k, k, out, in]) onto the output at step s, the
  // output cropped by the padding the matching forward convolution would add before it.
  reference: ({ inputs: [img], shapes: [[h, w, c]], outShape: [oh, ow, f], params, weights }) => {
    const k = params.kernelSize as number;
    const s = params.strides as number;
    const crop = params.padding === 'same' ? Math.floor(Math.max(0, k - s) / 2) : 0;
    const out = new Float32Array(oh * ow * f);
    for (let i = 0; i < oh * ow; i++) for (let o = 0; o < f; o++) out[i * f + o] = weights.bias[o];
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++)
        for (let a = 0; a < k; a++)
          for (let b = 0; b < k; b++) {
            const [oy, ox] = [y * s + a - crop, x * s + b - crop];
            if (oy < 0 || ox < 0 || oy >= oh || ox >= ow) continue;
            for (let o = 0; o < f; o++)
              for (let ch = 0; ch < c; ch++)
                out[(oy * ow + ox) * f + o] +=
                  at(img, w, c, y, x, ch) * weights.kernel[((a * k + b) * f + o) * c + ch];
          }
    return out.map((v) => activate(params.activation, v));
  },
};
