import type { Result } from '../../../../shared/contract/result';
import { isElementCode, type ElementType } from './elements';
import type { ArrayFile } from './array-file';
import { dataProblems, quoteCell } from './messages';

// NPY: "\x93NUMPY", a major and minor version byte, the header length (uint16 in version 1,
// uint32 in versions 2 and 3), then a Python dict literal such as
// {'descr': '<f4', 'fortran_order': False, 'shape': (60000, 784), } and the raw data.
const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];

/** Turns a NumPy dtype string such as '<f4', '|u1' or '>i4' into an element type. */
function parseDescr(descr: string): ElementType | null {
  const match = /^([<>|=])([uifb])(\d+)$/.exec(descr);
  if (match === null) return null;
  const [, order, kind, size] = match;
  // A NumPy bool is one byte holding 0 or 1.
  const code = kind === 'b' ? (size === '1' ? 'u1' : '') : `${kind}${size}`;
  if (!isElementCode(code)) return null;
  // '=' is native order and '|' means order does not matter; both read as little-endian here.
  return { code, littleEndian: order !== '>' };
}

/** The value after `'key':` in the header dict, as source text up to the next key or the end. */
function field(header: string, key: string): string | null {
  const match = new RegExp(`['"]${key}['"]\\s*:\\s*`).exec(header);
  if (match === null) return null;
  const rest = header.slice(match.index + match[0].length);
  const next = /,\s*['"][a-z_]+['"]\s*:|,?\s*}\s*$/.exec(rest);
  return (next === null ? rest : rest.slice(0, next.index)).trim();
}

function parseShape(text: string): number[] | null {
  const match = /^\(([^)]*)\)$/.exec(text);
  if (match === null) return null;
  const parts = match[1]
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const dims = parts.map((p) => (/^\d+L?$/.test(p) ? Number.parseInt(p, 10) : NaN));
  return dims.every(Number.isSafeInteger) ? dims : null;
}

/** Reads the header of a .npy file; the data is checked against it later, before decoding. */
export function parseNpy(bytes: Uint8Array, file: string): Result<ArrayFile> {
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b))
    return dataProblems.npyBadMagic(file);
  const major = bytes[6];
  if (major < 1 || major > 3) return dataProblems.npyVersion(file, major);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const lengthAt = 8;
  const headerStart = major === 1 ? 10 : 12;
  if (bytes.length < headerStart) return dataProblems.npyBadHeader(file, 'the file ends inside it');
  const headerLength =
    major === 1 ? view.getUint16(lengthAt, true) : view.getUint32(lengthAt, true);
  const dataOffset = headerStart + headerLength;
  if (bytes.length < dataOffset) return dataProblems.npyBadHeader(file, 'the file ends inside it');
  const header = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(
    bytes.subarray(headerStart, dataOffset),
  );

  const descr = field(header, 'descr');
  const order = field(header, 'fortran_order');
  const shapeText = field(header, 'shape');
  if (descr === null || order === null || shapeText === null) {
    return dataProblems.npyBadHeader(file, "it lacks 'descr', 'fortran_order' or 'shape'");
  }
  const descrText = descr.replace(/^['"]|['"]$/g, '');
  // 'O' is NumPy's object dtype: the data is a pickle, which only Python can (unsafely) read.
  if (/^[<>|=]?O\d*$/.test(descrText)) return dataProblems.npyPickled(file);
  const type = parseDescr(descrText);
  if (type === null) return dataProblems.npyUnsupportedType(file, descrText.slice(0, 60));
  if (order === 'True') return dataProblems.npyFortranOrder(file);
  if (order !== 'False')
    return dataProblems.npyBadHeader(file, `fortran_order is '${quoteCell(order)}'`);
  const dims = parseShape(shapeText);
  if (dims === null)
    return dataProblems.npyBadHeader(
      file,
      `the shape '${quoteCell(shapeText)}' is not a list of sizes`,
    );
  return { ok: true, value: { file, bytes, dataOffset, dims, type } };
}
