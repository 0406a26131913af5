import type { ImageGeometry } from '../recon/imageGrid';
import { labelRgb } from './labelColors';

/** Thumbnails of all points in one image, tile after tile: the scatter draws each with one blit. */
export interface SpriteAtlas {
  width: number;
  height: number;
  columns: number;
  tileWidth: number;
  tileHeight: number;
  rgba: Uint8ClampedArray<ArrayBuffer>;
}

/**
 * Lays count images into an atlas. A grey image becomes its label's colour with the ink as
 * opacity, so overlapping digits read as coloured strokes on the dark plane and the label stays
 * visible; a colour image keeps its colours.
 */
export function buildAtlas(
  images: Float32Array,
  count: number,
  geometry: ImageGeometry,
  labels: ArrayLike<number> | null,
): SpriteAtlas {
  const { width: w, height: h, channels: c } = geometry;
  const columns = Math.max(1, Math.ceil(Math.sqrt(count)));
  const rows = Math.max(1, Math.ceil(count / columns));
  const width = columns * w;
  const height = rows * h;
  const rgba = new Uint8ClampedArray(width * height * 4);
  const size = w * h * c;
  for (let i = 0; i < count; i++) {
    const [r, g, b] = labelRgb(labels ? labels[i] : -1);
    const left = (i % columns) * w;
    const top = Math.floor(i / columns) * h;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const src = i * size + (y * w + x) * c;
        const dst = ((top + y) * width + left + x) * 4;
        if (c === 3) {
          rgba[dst] = images[src] * 255;
          rgba[dst + 1] = images[src + 1] * 255;
          rgba[dst + 2] = images[src + 2] * 255;
          rgba[dst + 3] = 255;
        } else {
          // A faint floor keeps a blank tile's square visible on the plane.
          const v = images[src];
          rgba[dst] = r;
          rgba[dst + 1] = g;
          rgba[dst + 2] = b;
          rgba[dst + 3] = 40 + (v > 0 ? (v < 1 ? v : 1) : 0) * 215;
        }
      }
    }
  }
  return { width, height, columns, tileWidth: w, tileHeight: h, rgba };
}

/** Where thumbnail i sits in the atlas. */
export const tileOrigin = (atlas: SpriteAtlas, i: number): [number, number] => [
  (i % atlas.columns) * atlas.tileWidth,
  Math.floor(i / atlas.columns) * atlas.tileHeight,
];
