const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 of bytes (shared code may not use Node's Buffer). */
export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i];
    const b = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2] : 0;
    const n = (a << 16) | (b << 8) | c;
    parts.push(
      ALPHABET[(n >> 18) & 63] +
        ALPHABET[(n >> 12) & 63] +
        (i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : '=') +
        (i + 2 < bytes.length ? ALPHABET[n & 63] : '='),
    );
  }
  return parts.join('');
}

/** Float32 values as little-endian bytes in base64 (the report's weight format). */
export const float32Base64 = (values: Float32Array): string =>
  toBase64(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));

/** Values in [0, 1] as grey bytes 0..255 in base64. */
export const greyBase64 = (values: ArrayLike<number>): string =>
  toBase64(
    Uint8Array.from(values as ArrayLike<number>, (v) =>
      Math.round(Math.min(1, Math.max(0, v)) * 255),
    ),
  );

/** The height and width of a sample as a picture, or null when it is not one. */
export function imageShapeOf(sampleShape: readonly number[]): [number, number] | null {
  if (sampleShape.length === 1) {
    const side = Math.round(Math.sqrt(sampleShape[0]));
    return side * side === sampleShape[0] ? [side, side] : null;
  }
  if (sampleShape.length === 2 || (sampleShape.length === 3 && sampleShape[2] === 1))
    return [sampleShape[0], sampleShape[1]];
  return null;
}
