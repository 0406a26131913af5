import { PNG } from 'pngjs';
import { decode as decodeJpeg } from 'jpeg-js';
import type { Result } from '../../../../shared/contract/result';
import { dataProblems } from './messages';

/** Larger pictures are photographs, not training images; decoding one costs hundreds of MB. */
const MAX_PIXELS = 50_000_000;

export type PictureKind = 'png' | 'jpeg';

/** A decoded picture: 8-bit RGBA, row after row. */
export interface Picture {
  width: number;
  height: number;
  rgba: Uint8Array;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The format, from the first bytes rather than the extension, which may be missing or wrong. */
export function sniffPicture(bytes: Uint8Array): PictureKind | null {
  if (bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return 'jpeg';
  return null;
}

/** Width and height from the header alone, so an oversized picture is refused before decoding. */
export function pictureSize(
  bytes: Uint8Array,
  kind: PictureKind,
): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  if (kind === 'png') {
    // The IHDR chunk always comes first: width and height at bytes 16 and 20.
    return bytes.length >= 24 ? { width: view.getUint32(16), height: view.getUint32(20) } : null;
  }
  // Walk the JPEG markers to the first start-of-frame (SOF0..SOF15 less DHT, JPG and DAC).
  let at = 2;
  while (at + 9 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1];
    const isFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
    if (isFrame) return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    at += 2 + view.getUint16(at + 2);
  }
  return null;
}

const reason = (e: unknown): string => (e instanceof Error ? e.message : String(e)).slice(0, 120);

/** Decodes a PNG or JPEG to RGBA; `rel` names the picture in messages. */
export function decodePicture(bytes: Uint8Array, kind: PictureKind, rel: string): Result<Picture> {
  const size = pictureSize(bytes, kind);
  if (size === null) return dataProblems.imageBroken(rel, 'its header is cut short');
  if (size.width * size.height > MAX_PIXELS) {
    return dataProblems.imageTooLarge(rel, size.width, size.height);
  }
  try {
    if (kind === 'png') {
      // pngjs expands grey, palette and 16-bit pictures to 8-bit RGBA.
      const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
      return { ok: true, value: { width: png.width, height: png.height, rgba: png.data } };
    }
    const jpeg = decodeJpeg(bytes, {
      useTArray: true,
      formatAsRGBA: true,
      maxResolutionInMP: MAX_PIXELS / 1e6,
      maxMemoryUsageInMB: 1024,
    });
    return { ok: true, value: { width: jpeg.width, height: jpeg.height, rgba: jpeg.data } };
  } catch (e) {
    return dataProblems.imageBroken(rel, reason(e));
  }
}
