import type { Result } from '../../../../shared/contract/result';
import { elementSize, type ElementType } from './elements';
import { elementCount } from './limits';
import type { ArrayFile } from './array-file';
import { dataProblems } from './messages';

// IDX (the MNIST format): two zero bytes, a type byte, the number of dimensions, then each
// dimension as a big-endian uint32, then the numbers themselves, big-endian.
const IDX_TYPES: Record<number, ElementType> = {
  0x08: { code: 'u1', littleEndian: false },
  0x09: { code: 'i1', littleEndian: false },
  0x0b: { code: 'i2', littleEndian: false },
  0x0c: { code: 'i4', littleEndian: false },
  0x0d: { code: 'f4', littleEndian: false },
  0x0e: { code: 'f8', littleEndian: false },
};

/** Reads the header of an IDX file; the data is checked against it later, before decoding. */
export function parseIdx(bytes: Uint8Array, file: string): Result<ArrayFile> {
  if (bytes.length < 4 || bytes[0] !== 0 || bytes[1] !== 0) return dataProblems.idxBadMagic(file);
  const type = IDX_TYPES[bytes[2]];
  if (type === undefined) return dataProblems.idxUnknownType(file, bytes[2]);
  const rank = bytes[3];
  // A rank of 0 or one past what any data set uses means the magic number only looked right.
  if (rank === 0 || rank > 8) return dataProblems.idxBadMagic(file);
  const dataOffset = 4 + 4 * rank;
  if (bytes.length < dataOffset) return dataProblems.idxHeaderCut(file);

  const dims = dimsOf(bytes, rank);
  if (rankLooksWrong(bytes, dims, type)) return dataProblems.idxBadMagic(file);
  return { ok: true, value: { file, bytes, dataOffset, dims, type } };
}

function dimsOf(bytes: Uint8Array, rank: number): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, 4 + 4 * rank);
  const dims: number[] = [];
  for (let d = 0; d < rank; d += 1) dims.push(view.getUint32(4 + 4 * d, false));
  return dims;
}

const fits = (bytes: Uint8Array, dims: number[], type: ElementType): boolean =>
  elementCount(dims) * elementSize(type) === bytes.length - 4 - 4 * dims.length;

/**
 * A damaged magic number shows as a wrong rank: the header then reads a pixel as a dimension
 * ("10,000 x 28 x 28 x 0") or a dimension as data. A zero dimension, or another rank under which
 * the header describes the file exactly, says the magic number is wrong, not the size.
 */
function rankLooksWrong(bytes: Uint8Array, dims: number[], type: ElementType): boolean {
  if (fits(bytes, dims, type)) return false;
  if (dims.includes(0)) return true;
  for (let other = 1; other <= 4; other += 1) {
    if (other === dims.length || bytes.length < 4 + 4 * other) continue;
    if (fits(bytes, dimsOf(bytes, other), type)) return true;
  }
  return false;
}
