/**
 * The "im2col" rows of a backward convolution, written from a channel-major copy of the source
 * so that each stretch of a row reads memory in order (one native copy when it is long).
 */

/** A source image batch, channel-major: values[((c * batch + n) * height + y) * width + x]. */
export interface ChannelMajor {
  values: Float32Array;
  channels: number;
  batch: number;
  height: number;
  width: number;
}

/** Copies NHWC values into channel-major order (a plain JS array, out of the wasm heap). */
export const channelMajor = (
  src: Float32Array,
  batch: number,
  height: number,
  width: number,
  channels: number,
): ChannelMajor => {
  const pixels = batch * height * width;
  const values = new Float32Array(pixels * channels);
  if (channels === 1) values.set(src.subarray(0, pixels));
  else
    for (let p = 0, from = 0; p < pixels; p++)
      for (let c = 0; c < channels; c++, from++) values[c * pixels + p] = src[from];
  return { values, channels, batch, height, width };
};

/**
 * Where row `y`, column `x` of a tap's output plane reads its source: source row
 * y * stride + dir * k + offset (k the tap's row) and likewise for columns.
 */
export interface TapMap {
  kH: number;
  kW: number;
  outH: number;
  outW: number;
  stride: [number, number];
  dir: 1 | -1;
  offset: [number, number];
}

/**
 * Fills `a` with one row per (kh, kw, channel): row[(n, y, x)] = source value at the mapped
 * position, or zero outside the source.
 */
export const writeTaps = (a: Float32Array, src: ChannelMajor, m: TapMap): void => {
  const { values, channels, batch, height, width } = src;
  const [sh, sw] = m.stride;
  let to = 0;
  for (let kh = 0; kh < m.kH; kh++)
    for (let kw = 0; kw < m.kW; kw++) {
      const colShift = m.dir * kw + m.offset[1];
      // Output columns whose source column lies inside the image.
      const lo = Math.min(m.outW, Math.max(0, Math.ceil(-colShift / sw)));
      const hi = Math.max(lo, Math.min(m.outW, Math.floor((width - 1 - colShift) / sw) + 1));
      for (let c = 0; c < channels; c++)
        for (let n = 0; n < batch; n++)
          for (let y = 0; y < m.outH; y++, to += m.outW) {
            const row = y * sh + m.dir * kh + m.offset[0];
            if (row < 0 || row >= height) {
              a.fill(0, to, to + m.outW);
              continue;
            }
            const base = ((c * batch + n) * height + row) * width + colShift;
            if (lo > 0) a.fill(0, to, to + lo);
            // A subarray is an object: for the short rows of small images a loop is cheaper.
            if (sw === 1 && hi - lo >= 64) a.set(values.subarray(base + lo, base + hi), to + lo);
            else for (let x = lo; x < hi; x++) a[to + x] = values[base + x * sw];
            if (hi < m.outW) a.fill(0, to + hi, to + m.outW);
          }
    }
};
