import { stat, readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import { constants as bufferConstants } from 'node:buffer';
import type { Result } from '../../../../shared/contract/result';
import { dataProblems } from './messages';

const gunzipAsync = promisify(gunzip);

/** The name a person recognises in a message: the file name without its folders. */
export function displayName(path: string): string {
  return basename(path);
}

/** A data set's default name: the file or folder name without .gz and one extension. */
export function datasetName(path: string): string {
  const name = basename(path).replace(/\.gz$/i, '');
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

export function errorCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : undefined;
}

const isGzip = (bytes: Uint8Array): boolean =>
  bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/**
 * Reads a whole data file, unpacking gzip when its first bytes say so (the extension may be
 * missing). The size is checked before reading and the unpacked size is capped while
 * unpacking, so neither a huge file nor a zip bomb is read into memory.
 */
export async function readDataFile(path: string, maxBytes: number): Promise<Result<Uint8Array>> {
  const file = displayName(path);
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) return dataProblems.notAFile(file);
    size = info.size;
  } catch (e) {
    return errorCode(e) === 'ENOENT'
      ? dataProblems.fileMissing(file)
      : dataProblems.fileUnreadable(file, errorCode(e) ?? String(e));
  }
  if (size > maxBytes) return dataProblems.fileTooLarge(file, size, maxBytes);
  if (size === 0) return dataProblems.emptyFile(file);

  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    return dataProblems.fileUnreadable(file, errorCode(e) ?? String(e));
  }
  if (!isGzip(bytes)) return { ok: true, value: bytes };

  try {
    const limit = Math.min(maxBytes, bufferConstants.MAX_LENGTH);
    const unpacked = await gunzipAsync(bytes, { maxOutputLength: limit });
    if (unpacked.length === 0) return dataProblems.emptyFile(file);
    return { ok: true, value: unpacked };
  } catch (e) {
    return errorCode(e) === 'ERR_BUFFER_TOO_LARGE'
      ? dataProblems.gzipTooLarge(file, maxBytes)
      : dataProblems.gzipBroken(file);
  }
}
