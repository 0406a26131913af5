import { pixelByte } from '../../../shared/util/pixels';

/**
 * Lays out rows of small images (originals, noisy inputs, reconstructions) into one RGBA bitmap
 * at the images' own resolution; the canvas scales it up with crisp pixels.
 */

export interface ImageGeometry {
  height: number;
  width: number;
  channels: number;
}

export interface GridBitmap {
  width: number;
  height: number;
  rgba: Uint8ClampedArray<ArrayBuffer>;
}

/** How to draw one sample: [784] is a 28×28 grey square, [h, w, c] an image of c channels. */
export function imageGeometry(sampleShape: readonly number[]): ImageGeometry | null {
  if (sampleShape.length === 3 && (sampleShape[2] === 1 || sampleShape[2] === 3)) {
    return { height: sampleShape[0], width: sampleShape[1], channels: sampleShape[2] };
  }
  if (sampleShape.length === 2)
    return { height: sampleShape[0], width: sampleShape[1], channels: 1 };
  const size = sampleShape.reduce((a, b) => a * b, 1);
  const side = Math.round(Math.sqrt(size));
  return side * side === size ? { height: side, width: side, channels: 1 } : null;
}

const GAP = 1;
/** Extra space between bands of wrapped rows. */
export const BAND_GAP = 4;
const BACKGROUND = [24, 28, 38];

/**
 * Puts the samples of each row side by side, `columns` to a line. When there are more samples
 * than columns the rows wrap together in bands, so an original always sits right above its
 * reconstruction. Float values are read as 0..1 and clipped, so a linear output that overshoots
 * still draws; bytes (a decode asked for as bytes) are drawn as they are.
 */
export function composeGrid(
  rows: readonly (Float32Array | Uint8Array)[],
  count: number,
  geometry: ImageGeometry,
  columns: number = count,
): GridBitmap {
  const { height: h, width: w, channels: c } = geometry;
  const perLine = Math.max(1, Math.min(columns, count));
  const bands = Math.max(1, Math.ceil(count / perLine));
  const width = perLine * w + (perLine + 1) * GAP;
  const lineCount = bands * rows.length;
  const height = lineCount * h + (lineCount + 1) * GAP + (bands - 1) * BAND_GAP;
  const rgba = new Uint8ClampedArray(width * height * 4);
  // One 32-bit write per pixel (RGBA bytes in memory order): a 20×20 grid of digits is 300,000
  // pixels, and byte-wise writes made drawing it cost as much as decoding it.
  const pixels = new Uint32Array(rgba.buffer);
  const little = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
  const pack = little
    ? (r: number, g: number, b: number) => (0xff000000 | (b << 16) | (g << 8) | r) >>> 0
    : (r: number, g: number, b: number) => ((r << 24) | (g << 16) | (b << 8) | 0xff) >>> 0;
  pixels.fill(pack(BACKGROUND[0], BACKGROUND[1], BACKGROUND[2]));
  const sampleSize = h * w * c;
  rows.forEach((values, row) => {
    const bytes = values instanceof Uint8Array;
    for (let s = 0; s < count; s++) {
      const band = Math.floor(s / perLine);
      const line = band * rows.length + row;
      const top = GAP + line * (h + GAP) + band * BAND_GAP;
      const left = GAP + (s % perLine) * (w + GAP);
      const base = s * sampleSize;
      if (base + sampleSize > values.length) break;
      for (let y = 0; y < h; y++) {
        let dst = (top + y) * width + left;
        let src = base + y * w * c;
        for (let x = 0; x < w; x++, dst++, src += c) {
          if (bytes) {
            const r = values[src];
            pixels[dst] = c === 3 ? pack(r, values[src + 1], values[src + 2]) : pack(r, r, r);
          } else {
            const r = pixelByte(values[src]);
            pixels[dst] =
              c === 3
                ? pack(r, pixelByte(values[src + 1]), pixelByte(values[src + 2]))
                : pack(r, r, r);
          }
        }
      }
    }
  });
  return { width, height, rgba };
}
