/**
 * The WebSocket wire format: one binary frame per message. JSON carries the structure and each
 * typed array travels as raw bytes after it, so images never become JSON number lists.
 *
 * Frame: [u32 header length][header JSON, UTF-8][padding to 4][buffer 0][buffer 1]...
 * A typed array inside the value is replaced in the JSON by {"$buf": index, "$type": "f32"}.
 */
type TypedArray = Float32Array | Int32Array | Uint8Array;
const TYPES = { f32: Float32Array, i32: Int32Array, u8: Uint8Array } as const;
type TypeTag = keyof typeof TYPES;

const tagOf = (value: unknown): TypeTag | null =>
  value instanceof Float32Array
    ? 'f32'
    : value instanceof Int32Array
      ? 'i32'
      : value instanceof Uint8Array
        ? 'u8'
        : null;

const align4 = (n: number): number => (n + 3) & ~3;

/** Encodes a message into one binary frame. */
export function encodeFrame(value: unknown): Uint8Array {
  const buffers: TypedArray[] = [];
  const json = JSON.stringify(value, (_key, v: unknown) => {
    const tag = tagOf(v);
    if (tag === null) return v;
    buffers.push(v as TypedArray);
    return { $buf: buffers.length - 1, $type: tag };
  });
  const header = new TextEncoder().encode(json);
  let size = align4(4 + header.byteLength);
  const offsets = buffers.map((b) => {
    const at = size;
    size = align4(size + 4 + b.byteLength);
    return at;
  });
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, header.byteLength, true);
  out.set(header, 4);
  buffers.forEach((b, i) => {
    view.setUint32(offsets[i], b.byteLength, true);
    out.set(new Uint8Array(b.buffer, b.byteOffset, b.byteLength), offsets[i] + 4);
  });
  return out;
}

export class FrameError extends Error {}

/** Decodes one binary frame; throws FrameError on anything malformed. */
export function decodeFrame(frame: Uint8Array): unknown {
  if (frame.byteLength < 4) throw new FrameError('frame too short');
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const headerLength = view.getUint32(0, true);
  if (4 + headerLength > frame.byteLength) throw new FrameError('header runs past the frame');
  const json = new TextDecoder('utf-8', { fatal: true }).decode(
    frame.subarray(4, 4 + headerLength),
  );
  // Walk the buffers once so each placeholder can be resolved by index.
  const buffers: Uint8Array[] = [];
  let at = align4(4 + headerLength);
  while (at + 4 <= frame.byteLength) {
    const length = view.getUint32(at, true);
    if (at + 4 + length > frame.byteLength) throw new FrameError('buffer runs past the frame');
    buffers.push(frame.slice(at + 4, at + 4 + length));
    at = align4(at + 4 + length);
  }
  return JSON.parse(json, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || !('$buf' in v)) return v;
    const { $buf, $type } = v as { $buf: unknown; $type: unknown };
    if (typeof $buf !== 'number' || !($buf in buffers) || typeof $type !== 'string') {
      throw new FrameError('bad buffer reference');
    }
    if (!Object.prototype.hasOwnProperty.call(TYPES, $type))
      throw new FrameError('bad buffer type');
    const Ctor = TYPES[$type as TypeTag];
    const bytes = buffers[$buf];
    if (bytes.byteLength % Ctor.BYTES_PER_ELEMENT !== 0) throw new FrameError('bad buffer size');
    // frame.slice gave each buffer its own aligned ArrayBuffer.
    return new Ctor(bytes.buffer as ArrayBuffer, 0, bytes.byteLength / Ctor.BYTES_PER_ELEMENT);
  });
}
