import { BAND_GAP, type ImageGeometry } from '../recon/imageGrid';

/** The 1-pixel gap composeGrid leaves around each image. */
const GAP = 1;

/** Where sample `index` lies in a one-row strip wrapped at `columns`, in image pixels. */
export function tileBox(index: number, columns: number, geometry: ImageGeometry) {
  const line = Math.floor(index / columns);
  return {
    left: GAP + (index % columns) * (geometry.width + GAP),
    top: GAP + line * (geometry.height + GAP) + line * BAND_GAP,
    width: geometry.width,
    height: geometry.height,
  };
}

/** The sample under a point of the strip (image pixels), or null between or past the tiles. */
export function tileAt(
  x: number,
  y: number,
  columns: number,
  count: number,
  geometry: ImageGeometry,
): number | null {
  const col = Math.floor((x - GAP / 2) / (geometry.width + GAP));
  const line = Math.floor((y - GAP / 2) / (geometry.height + GAP + BAND_GAP));
  if (col < 0 || col >= columns || line < 0) return null;
  const index = line * columns + col;
  return index < count ? index : null;
}

/** "a 3", "an 8": how the hint names a digit. */
export const aDigit = (label: number | undefined): string =>
  label === undefined || label < 0 ? 'a digit' : `${label === 8 ? 'an' : 'a'} ${label}`;
