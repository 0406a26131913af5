import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { encode as encodeJpeg } from 'jpeg-js';

// Writers for the small files the importer tests make themselves: each format is written here
// from its specification, independently of the readers under test.

/** A fresh temporary folder and a function that removes it. */
export async function tempFolder(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'ae-import-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Writes bytes to dir/rel, creating folders on the way; returns the full path. */
export async function put(dir: string, rel: string, bytes: Uint8Array | string): Promise<string> {
  const path = join(dir, rel);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, bytes);
  return path;
}

export const gzip = (bytes: Uint8Array): Uint8Array => new Uint8Array(gzipSync(bytes));

type Put = (view: DataView, at: number, v: number, littleEndian: boolean) => void;
const PUTTERS: Record<string, [number, Put]> = {
  u1: [1, (d, at, v) => d.setUint8(at, v)],
  i1: [1, (d, at, v) => d.setInt8(at, v)],
  b1: [1, (d, at, v) => d.setUint8(at, v)],
  u2: [2, (d, at, v, le) => d.setUint16(at, v, le)],
  i2: [2, (d, at, v, le) => d.setInt16(at, v, le)],
  i4: [4, (d, at, v, le) => d.setInt32(at, v, le)],
  u4: [4, (d, at, v, le) => d.setUint32(at, v, le)],
  i8: [8, (d, at, v, le) => d.setBigInt64(at, BigInt(v), le)],
  f4: [4, (d, at, v, le) => d.setFloat32(at, v, le)],
  f8: [8, (d, at, v, le) => d.setFloat64(at, v, le)],
};

function encodeNumbers(code: string, values: readonly number[], littleEndian: boolean): Uint8Array {
  const [size, write] = PUTTERS[code];
  const bytes = new Uint8Array(values.length * size);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => write(view, i * size, v, littleEndian));
  return bytes;
}

const IDX_TYPE_BYTES: Record<string, number> = {
  u1: 0x08,
  i1: 0x09,
  i2: 0x0b,
  i4: 0x0c,
  f4: 0x0d,
  f8: 0x0e,
};

/** An IDX file: 0, 0, type byte, rank, big-endian dims, big-endian data. */
export function idxBytes(
  code: string,
  dims: readonly number[],
  values: readonly number[],
): Uint8Array {
  const header = new Uint8Array(4 + 4 * dims.length);
  const view = new DataView(header.buffer);
  header[2] = IDX_TYPE_BYTES[code];
  header[3] = dims.length;
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  return concat(header, encodeNumbers(code, values, false));
}

export interface NpyOptions {
  /** Version 1 has a 2-byte header length, versions 2 and 3 a 4-byte one. */
  version?: 1 | 2 | 3;
  fortranOrder?: boolean;
  /** Write the descr literally instead of from the code and byte order. */
  descr?: string;
}

/** A .npy file; `descr` such as '<f4', '>i4', '|u1'. */
export function npyBytes(
  descr: string,
  shape: readonly number[],
  values: readonly number[],
  options: NpyOptions = {},
): Uint8Array {
  const version = options.version ?? 1;
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  const order = options.fortranOrder === true ? 'True' : 'False';
  const written = options.descr ?? descr;
  // Structured dtypes are written as a list literal, plain ones as a quoted string.
  const descrText = written.startsWith('[') ? written : `'${written}'`;
  let dict = `{'descr': ${descrText}, 'fortran_order': ${order}, 'shape': ${shapeText}, }`;
  const prefix = version === 1 ? 10 : 12;
  // NumPy pads the header with spaces so the data starts on a 64-byte boundary.
  while ((prefix + dict.length + 1) % 64 !== 0) dict += ' ';
  dict += '\n';
  const header = new Uint8Array(prefix + dict.length);
  header.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
  const view = new DataView(header.buffer);
  if (version === 1) view.setUint16(8, dict.length, true);
  else view.setUint32(8, dict.length, true);
  header.set(new TextEncoder().encode(dict), prefix);
  const code = descr.slice(1);
  return concat(header, encodeNumbers(code, values, descr[0] !== '>'));
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A PNG of width x height; `pixel(x, y)` gives [r, g, b, a]. */
export function pngBytes(
  width: number,
  height: number,
  pixel: (x: number, y: number) => [number, number, number, number],
): Uint8Array {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) png.data.set(pixel(x, y), 4 * (y * width + x));
  }
  return new Uint8Array(PNG.sync.write(png));
}

/** A JPEG of width x height at the best quality; `pixel(x, y)` gives [r, g, b]. */
export function jpegBytes(
  width: number,
  height: number,
  pixel: (x: number, y: number) => [number, number, number],
): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) data.set([...pixel(x, y), 255], 4 * (y * width + x));
  }
  return new Uint8Array(encodeJpeg({ width, height, data }, 100).data);
}
