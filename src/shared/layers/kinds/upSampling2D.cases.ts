import { at, type KindCase } from '../testing/kindCase';

export const kindCase: KindCase = {
  kind: 'UpSampling2D',
  examples: [
    { inputs: { in: [3, 2, 2] }, output: [6, 4, 2], count: { trainable: 0, nonTrainable: 0 } },
    {
      params: { size: 3 },
      inputs: { in: [2, 2, 1] },
      output: [6, 6, 1],
      count: { trainable: 0, nonTrainable: 0 },
    },
  ],
  // Nearest neighbour: each pixel repeated size x size times.
  reference: ({ inputs: [img], shapes: [[, w, c]], outShape: [oh, ow], params }) => {
    const s = params.size as number;
    const out = new Float32Array(oh * ow * c);
    for (let y = 0; y < oh; y++)
      for (let x = 0; x < ow; x++)
        for (let ch = 0; ch < c; ch++)
          out[(y * ow + x) * c + ch] = at(img, w, c, Math.floor(y / s), Math.floor(x / s), ch);
    return out;
  },
  python: 'layers.UpSampling2D(2, name="layer")',
  torch: 'upsample(x, 2)',
};
