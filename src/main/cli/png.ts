import { PNG } from 'pngjs';

/**
 * Draws rows of grayscale images (values in [0, 1]) into one PNG: each row a list of images of
 * height x width, scaled up by `scale`, with a gap between tiles.
 */
export function imageRowsPng(
  rows: Float32Array[],
  count: number,
  height: number,
  width: number,
  scale = 2,
): Buffer {
  const gap = 2;
  const tileW = width * scale + gap;
  const tileH = height * scale + gap;
  const png = new PNG({ width: count * tileW + gap, height: rows.length * tileH + gap });
  png.data.fill(255);
  rows.forEach((images, r) => {
    for (let i = 0; i < count; i++) {
      for (let y = 0; y < height * scale; y++) {
        for (let x = 0; x < width * scale; x++) {
          const v =
            images[i * height * width + Math.floor(y / scale) * width + Math.floor(x / scale)];
          const g = 255 - Math.round(Math.min(1, Math.max(0, v)) * 255);
          const at = ((gap + r * tileH + y) * png.width + gap + i * tileW + x) * 4;
          png.data[at] = png.data[at + 1] = png.data[at + 2] = g;
          png.data[at + 3] = 255;
        }
      }
    }
  });
  return PNG.sync.write(png);
}
