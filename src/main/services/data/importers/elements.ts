/** Bytes per element of every number type the binary readers accept. */
export const ELEMENT_SIZES = {
  u1: 1,
  i1: 1,
  u2: 2,
  i2: 2,
  u4: 4,
  i4: 4,
  u8: 8,
  i8: 8,
  f4: 4,
  f8: 8,
} as const;
export type ElementCode = keyof typeof ELEMENT_SIZES;

/** How one number is stored in a binary array file. */
export interface ElementType {
  code: ElementCode;
  littleEndian: boolean;
}

export const elementSize = (t: ElementType): number => ELEMENT_SIZES[t.code];
export const isElementCode = (s: string): s is ElementCode => s in ELEMENT_SIZES;
/** Bytes 0..255: the values that scaling to [0, 1] divides by 255. */
export const isByteType = (t: ElementType): boolean => t.code === 'u1';
export const isWholeType = (t: ElementType): boolean => t.code[0] !== 'f';

type Read = (view: DataView, at: number) => number;

/** The DataView reader for one element type; 64-bit integers go through BigInt. */
function reader(t: ElementType): Read {
  const le = t.littleEndian;
  switch (t.code) {
    case 'u1':
      return (v, at) => v.getUint8(at);
    case 'i1':
      return (v, at) => v.getInt8(at);
    case 'u2':
      return (v, at) => v.getUint16(at, le);
    case 'i2':
      return (v, at) => v.getInt16(at, le);
    case 'u4':
      return (v, at) => v.getUint32(at, le);
    case 'i4':
      return (v, at) => v.getInt32(at, le);
    case 'u8':
      return (v, at) => Number(v.getBigUint64(at, le));
    case 'i8':
      return (v, at) => Number(v.getBigInt64(at, le));
    case 'f4':
      return (v, at) => v.getFloat32(at, le);
    case 'f8':
      return (v, at) => v.getFloat64(at, le);
    default: {
      const unhandled: never = t.code;
      return unhandled;
    }
  }
}

/** Whether this machine's byte order is little-endian (every machine the studio targets is). */
const hostLittleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Decodes `count` numbers of type `t` starting at `offset` into `out`. Bytes and aligned
 * native-order float32 take fast paths: they are the common MNIST and NumPy cases.
 */
export function decodeElements(
  bytes: Uint8Array,
  offset: number,
  count: number,
  t: ElementType,
  out: Float32Array | Float64Array,
): void {
  if (isByteType(t)) {
    out.set(bytes.subarray(offset, offset + count));
    return;
  }
  const start = bytes.byteOffset + offset;
  if (t.code === 'f4' && t.littleEndian === hostLittleEndian && start % 4 === 0) {
    out.set(new Float32Array(bytes.buffer, start, count));
    return;
  }
  const size = elementSize(t);
  const view = new DataView(bytes.buffer, start, count * size);
  const read = reader(t);
  for (let i = 0, at = 0; i < count; i += 1, at += size) out[i] = read(view, at);
}
