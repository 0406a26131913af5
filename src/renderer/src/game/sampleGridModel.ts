import type { GeneratedFrame, GeneratedFrames } from '../../../shared/project/gameRecord';
import type { GridBitmap, ImageGeometry } from '../recon/imageGrid';
import { pixelByte } from '../../../shared/util/pixels';

/** Pixels between samples, and around the grid. */
export const TILE_GAP = 2;
const BACKGROUND = [24, 28, 38] as const;

/** Columns of a square-ish grid: 100 samples make 10 x 10, 64 make 8 x 8, 10 make 4 x 3. */
export const gridColumns = (count: number): number => Math.max(1, Math.ceil(Math.sqrt(count)));

/** A kept frame's samples as values in [0, 1], count x sampleSize. */
export function frameValues(frame: GeneratedFrame): Float32Array {
  const text = atob(frame.grey);
  const out = new Float32Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) / 255;
  return out;
}

/**
 * The frame the slider points at: the index clipped to the frames there are; null when none.
 * `index` null means "follow the newest", so a grid left alone keeps up with training.
 */
export function frameAt(generated: GeneratedFrames | null, index: number | null) {
  const frames = generated?.frames ?? [];
  if (frames.length === 0) return null;
  const i = index === null ? frames.length - 1 : Math.max(0, Math.min(frames.length - 1, index));
  return { index: i, frame: frames[i] };
}

/**
 * Lays the samples out in rows of `columns`, each at its own resolution with an even gap, as one
 * RGBA bitmap the canvas scales up with crisp pixels. Values are read as 0..1 and clipped.
 */
export function tileGrid(
  values: Float32Array,
  count: number,
  geometry: ImageGeometry,
  columns: number = gridColumns(count),
): GridBitmap {
  const { height: h, width: w, channels: c } = geometry;
  const cols = Math.max(1, Math.min(columns, count));
  const rows = Math.max(1, Math.ceil(count / cols));
  const width = cols * w + (cols + 1) * TILE_GAP;
  const height = rows * h + (rows + 1) * TILE_GAP;
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    rgba.set([BACKGROUND[0], BACKGROUND[1], BACKGROUND[2], 255], p * 4);
  }
  const size = h * w * c;
  for (let s = 0; s < count && (s + 1) * size <= values.length; s++) {
    const top = TILE_GAP + Math.floor(s / cols) * (h + TILE_GAP);
    const left = TILE_GAP + (s % cols) * (w + TILE_GAP);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const src = s * size + (y * w + x) * c;
        const dst = ((top + y) * width + left + x) * 4;
        const grey = values[src];
        rgba[dst] = pixelByte(grey);
        rgba[dst + 1] = pixelByte(c === 3 ? values[src + 1] : grey);
        rgba[dst + 2] = pixelByte(c === 3 ? values[src + 2] : grey);
        rgba[dst + 3] = 255;
      }
    }
  }
  return { width, height, rgba };
}
