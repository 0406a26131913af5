import type { ResizeMode } from './types';

/** For one output index along an axis: the source indices it reads and their weights. */
interface Taps {
  index: number[];
  weight: number[];
}

/** Bilinear with half-pixel centres, the convention of PIL and tf.image (no corner alignment). */
function bilinearTaps(src: number, dst: number): Taps[] {
  const scale = src / dst;
  return Array.from({ length: dst }, (_, i) => {
    const x = Math.min(Math.max((i + 0.5) * scale - 0.5, 0), src - 1);
    const lo = Math.floor(x);
    const hi = Math.min(lo + 1, src - 1);
    const t = x - lo;
    return { index: [lo, hi], weight: [1 - t, t] };
  });
}

/** Area averaging: each output pixel is the mean of the source pixels it covers, in part or whole. */
function areaTaps(src: number, dst: number): Taps[] {
  const scale = src / dst;
  return Array.from({ length: dst }, (_, i) => {
    const start = i * scale;
    const end = (i + 1) * scale;
    const taps: Taps = { index: [], weight: [] };
    for (let s = Math.floor(start); s < Math.min(Math.ceil(end), src); s += 1) {
      const cover = Math.min(end, s + 1) - Math.max(start, s);
      if (cover > 0) {
        taps.index.push(s);
        taps.weight.push(cover / scale);
      }
    }
    return taps;
  });
}

/** 'auto' averages when shrinking (no aliasing) and interpolates when enlarging (no blocks). */
function tapsFor(mode: Exclude<ResizeMode, 'off'>, src: number, dst: number): Taps[] {
  if (mode === 'bilinear' || (mode === 'auto' && dst > src)) return bilinearTaps(src, dst);
  return areaTaps(src, dst);
}

/**
 * Resizes an interleaved H x W x C image, one axis after the other (both methods separate
 * into a horizontal and a vertical pass, which costs far less than a 2-D kernel).
 */
export function resizeImage(
  src: Float32Array,
  width: number,
  height: number,
  channels: number,
  toWidth: number,
  toHeight: number,
  mode: Exclude<ResizeMode, 'off'>,
): Float32Array {
  if (width === toWidth && height === toHeight) return src;
  const across = tapsFor(mode, width, toWidth);
  const down = tapsFor(mode, height, toHeight);

  const wide = new Float32Array(height * toWidth * channels);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < toWidth; x += 1) {
      const { index, weight } = across[x];
      for (let c = 0; c < channels; c += 1) {
        let sum = 0;
        for (let k = 0; k < index.length; k += 1) {
          sum += weight[k] * src[(y * width + index[k]) * channels + c];
        }
        wide[(y * toWidth + x) * channels + c] = sum;
      }
    }
  }

  const out = new Float32Array(toHeight * toWidth * channels);
  const row = toWidth * channels;
  for (let y = 0; y < toHeight; y += 1) {
    const { index, weight } = down[y];
    for (let i = 0; i < row; i += 1) {
      let sum = 0;
      for (let k = 0; k < index.length; k += 1) sum += weight[k] * wide[index[k] * row + i];
      out[y * row + i] = sum;
    }
  }
  return out;
}
