import { basename } from 'node:path';
import type { Result } from '../../../../shared/contract/result';
import { readDataFile } from './file-bytes';
import { checkFloatOutput } from './limits';
import { dataProblems } from './messages';
import { decodePicture, sniffPicture, type Picture } from './picture';
import { listFolder } from './picture-folder';
import { resizeImage } from './resize';
import type { ImageFolderSource, RawDataset, ReadLimits } from './types';

/**
 * RGBA bytes to interleaved channels as floats 0..255. Grey uses the ITU-R BT.601 weights
 * (what PIL's 'L' mode does). Alpha is dropped, not composited: no background colour suits
 * both dark-on-light and light-on-dark pictures.
 */
export function toChannels(p: Picture, channels: 1 | 3): Float32Array {
  const pixels = p.width * p.height;
  const out = new Float32Array(pixels * channels);
  for (let i = 0; i < pixels; i += 1) {
    const r = p.rgba[4 * i];
    const g = p.rgba[4 * i + 1];
    const b = p.rgba[4 * i + 2];
    if (channels === 1) out[i] = 0.299 * r + 0.587 * g + 0.114 * b;
    else {
      out[3 * i] = r;
      out[3 * i + 1] = g;
      out[3 * i + 2] = b;
    }
  }
  return out;
}

/** A folder of PNG or JPEG pictures, brought to one size; sub-folder names are the labels. */
export async function importImageFolder(
  source: ImageFolderSource,
  limits: ReadLimits,
): Promise<Result<RawDataset>> {
  const name = basename(source.path);
  const listed = await listFolder(source.path, name);
  if (!listed.ok) return listed;
  const { entries, labelNames } = listed.value;
  if (entries.length === 0) return dataProblems.folderEmpty(name);

  const { width, height, channels } = source;
  const mode = source.resize ?? 'auto';
  const sampleSize = width * height * channels;
  const fits = checkFloatOutput(name, entries.length * sampleSize, limits.maxBytes);
  if (!fits.ok) return fits;
  const images = new Float32Array(entries.length * sampleSize);

  for (const [i, entry] of entries.entries()) {
    const bytes = await readDataFile(entry.path, limits.maxBytes);
    if (!bytes.ok) return bytes;
    const kind = sniffPicture(bytes.value);
    if (kind === null) return dataProblems.notAnImage(entry.rel);
    const picture = decodePicture(bytes.value, kind, entry.rel);
    if (!picture.ok) return picture;
    const p = picture.value;
    const sameSize = p.width === width && p.height === height;
    if (!sameSize && mode === 'off') {
      return dataProblems.imageWrongSize(entry.rel, p.width, p.height, width, height);
    }
    const pixels = toChannels(p, channels);
    const sized =
      mode === 'off'
        ? pixels
        : resizeImage(pixels, p.width, p.height, channels, width, height, mode);
    images.set(sized, i * sampleSize);
  }

  const labels = labelNames === null ? null : Int32Array.from(entries, (e) => e.label ?? 0);
  return {
    ok: true,
    value: {
      name,
      images,
      sampleShape: [height, width, channels],
      count: entries.length,
      labels,
      labelNames,
      byteValued: true,
    },
  };
}
