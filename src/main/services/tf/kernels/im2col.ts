/**
 * The "im2col" rows of a backward convolution: one row per filter tap and channel, holding the
 * source value each output position sees through that tap. Read straight from NHWC memory: a
 * channel-major copy first (so rows read in order) measured slower for 8 and more channels.
 */

import { nativeLoops } from '../native/blas';

/** An NHWC source (x or dy) in the wasm heap. */
export interface Nhwc {
  values: Float32Array;
  batch: number;
  height: number;
  width: number;
  channels: number;
}

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
export const writeTaps = (a: Float32Array, src: Nhwc, m: TapMap): void => {
  // The same loop in the native addon where it is built (about four times faster here).
  const loops = nativeLoops();
  if (!loops) return writeTapsInJs(a, src, m);
  const { values, channels, batch, height, width } = src;
  const shape = [batch, height, width, channels, m.kH, m.kW, m.outH, m.outW, ...m.stride];
  loops.writeTaps(a, values, Int32Array.from([...shape, m.dir, ...m.offset]));
};

/** writeTaps in JavaScript, where the native addon is not built (and to check it against). */
export const writeTapsInJs = (a: Float32Array, src: Nhwc, m: TapMap): void => {
  const { values, channels, batch, height, width } = src;
  const [sh, sw] = m.stride;
  let to = 0;
  for (let kh = 0; kh < m.kH; kh++)
    for (let kw = 0; kw < m.kW; kw++) {
      const colShift = m.dir * kw + m.offset[1];
      // Output columns whose source column lies inside the image.
      const lo = Math.min(m.outW, Math.max(0, Math.ceil(-colShift / sw)));
      const hi = Math.max(lo, Math.min(m.outW, Math.floor((width - 1 - colShift) / sw) + 1));
      // One channel and unit stride: a row is a contiguous run, copied natively when long enough
      // to outweigh making a subarray.
      const native = channels === 1 && sw === 1 && hi - lo >= 64;
      for (let c = 0; c < channels; c++)
        for (let n = 0; n < batch; n++)
          for (let y = 0; y < m.outH; y++, to += m.outW) {
            const row = y * sh + m.dir * kh + m.offset[0];
            // Inline loops, not fill(): rows are short (7 to 28 values) and a call costs more.
            if (row < 0 || row >= height) {
              for (let x = 0; x < m.outW; x++) a[to + x] = 0;
              continue;
            }
            const base = (n * height + row) * width + colShift;
            for (let x = 0; x < lo; x++) a[to + x] = 0;
            if (native) a.set(values.subarray(base + lo, base + hi), to + lo);
            else for (let x = lo; x < hi; x++) a[to + x] = values[(base + x * sw) * channels + c];
            for (let x = hi; x < m.outW; x++) a[to + x] = 0;
          }
    }
};
