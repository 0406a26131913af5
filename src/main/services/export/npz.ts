/**
 * NumPy's file formats, written: `.npy` (format version 1.0, little-endian float32, C order) and
 * `.npz` (a zip of `.npy` files, stored uncompressed as `numpy.savez` writes them). Exported
 * scripts load trained weights from an `.npz` written beside them with `numpy.load`.
 */
import { zipSync } from 'fflate';

export interface NpyArray {
  data: Float32Array;
  shape: number[];
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

/** The header's Python dict literal: the shape as a tuple (one element needs its comma). */
function headerText(shape: number[]): string {
  const tuple = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  return `{'descr': '<f4', 'fortran_order': False, 'shape': ${tuple}, }`;
}

/** One `.npy` file: magic, version 1.0, header padded with spaces to a multiple of 64, the data. */
export function encodeNpy(data: Float32Array, shape: number[]): Uint8Array {
  const count = shape.reduce((a, b) => a * b, 1);
  if (count !== data.length)
    throw new RangeError(
      `shape ${JSON.stringify(shape)} holds ${count} values, not ${data.length}`,
    );
  const text = headerText(shape);
  // 10 bytes of preamble + header + '\n', padded so the data starts on a 64-byte boundary.
  const total = Math.ceil((10 + text.length + 1) / 64) * 64;
  const header = text.padEnd(total - 10 - 1, ' ') + '\n';
  const out = new Uint8Array(total + data.length * 4);
  out.set(MAGIC, 0);
  out[6] = 1;
  out[7] = 0;
  new DataView(out.buffer).setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  const view = new DataView(out.buffer, total);
  for (let i = 0; i < data.length; i++) view.setFloat32(i * 4, data[i], true);
  return out;
}

/**
 * An `.npz` archive, one `<key>.npy` per array. Keys are entry names inside the zip: they must not
 * climb out of it or hold characters a file system refuses.
 */
export function encodeNpz(arrays: Record<string, NpyArray>): Uint8Array {
  const files: Record<string, [Uint8Array, { level: 0 }]> = {};
  for (const [key, { data, shape }] of Object.entries(arrays)) {
    if (
      !/^[A-Za-z0-9_.:/ -]{1,200}$/.test(key) ||
      key.split('/').some((p) => p === '..' || p === '')
    )
      throw new RangeError(`'${key}' cannot name an array in an .npz file`);
    files[`${key}.npy`] = [encodeNpy(data, shape), { level: 0 }];
  }
  return zipSync(files);
}
