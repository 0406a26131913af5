import { at, padBefore, type KindCase } from '../testing/kindCase';

export const kindCase: KindCase = {
  kind: 'MaxPooling2D',
  examples: [
    // 'valid' drops the leftover row and column: floor(5 / 2) = 2.
    { inputs: { in: [5, 5, 2] }, output: [2, 2, 2], count: { trainable: 0, nonTrainable: 0 } },
    {
      params: { poolSize: 2, padding: 'same' },
      inputs: { in: [5, 4, 1] },
      output: [3, 2, 1],
      count: { trainable: 0, nonTrainable: 0 },
    },
  ],
  reference: ({ inputs: [img], shapes: [[h, w, c]], outShape: [oh, ow], params }) => {
    const p = params.poolSize as number;
    const [top, left] = [padBefore(h, p, p, params.padding), padBefore(w, p, p, params.padding)];
    const out = new Float32Array(oh * ow * c);
    for (let y = 0; y < oh; y++)
      for (let x = 0; x < ow; x++)
        for (let ch = 0; ch < c; ch++) {
          let best = -Infinity;
          for (let a = 0; a < p; a++)
            for (let b = 0; b < p; b++) {
              const [iy, ix] = [y * p + a - top, x * p + b - left];
              if (iy >= 0 && ix >= 0 && iy < h && ix < w)
                best = Math.max(best, at(img, w, c, iy, ix, ch));
            }
          out[(y * ow + x) * c + ch] = best;
        }
    return out;
  },
  python: 'layers.MaxPooling2D(2, name="layer")',
};
