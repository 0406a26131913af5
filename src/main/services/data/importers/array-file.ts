import type { Result } from '../../../../shared/contract/result';
import { decodeElements, elementSize, isByteType, isWholeType, type ElementType } from './elements';
import { checkDeclaredBytes, checkFloatOutput, elementCount, sampleShapeOf } from './limits';
import { dataProblems } from './messages';

/** A binary n-dimensional array file (IDX or NPY) whose header has been read. */
export interface ArrayFile {
  /** The name shown in messages. */
  file: string;
  bytes: Uint8Array;
  dataOffset: number;
  dims: number[];
  type: ElementType;
}

/** The samples of an array file, decoded to float32. */
export interface ArraySamples {
  values: Float32Array;
  sampleShape: number[];
  count: number;
  byteValued: boolean;
}

/**
 * Decodes an array file as samples: its first dimension counts them. The declared size is
 * compared with the file and the memory limit before anything is allocated, so a header
 * claiming 10^12 items costs nothing.
 */
export function readSamples(a: ArrayFile, maxBytes: number): Result<ArraySamples> {
  const shape = sampleShapeOf(a.file, a.dims);
  if (!shape.ok) return shape;
  const available = a.bytes.length - a.dataOffset;
  const declared = checkDeclaredBytes(a.file, a.dims, elementSize(a.type), available);
  if (!declared.ok) return declared;
  const elements = elementCount(a.dims);
  const fits = checkFloatOutput(a.file, elements, maxBytes);
  if (!fits.ok) return fits;

  const values = new Float32Array(elements);
  decodeElements(a.bytes, a.dataOffset, elements, a.type, values);
  return {
    ok: true,
    value: { values, sampleShape: shape.value, count: a.dims[0], byteValued: isByteType(a.type) },
  };
}

/** Decodes an array file as labels: one whole number per sample, shape (N) or (N, 1). */
export function readLabels(a: ArrayFile): Result<Int32Array> {
  const oneColumn = a.dims.length === 2 && a.dims[1] === 1;
  if (a.dims.length !== 1 && !oneColumn) return dataProblems.labelsShape(a.file, a.dims);
  const available = a.bytes.length - a.dataOffset;
  const declared = checkDeclaredBytes(a.file, a.dims, elementSize(a.type), available);
  if (!declared.ok) return declared;

  const count = a.dims[0];
  // Float64 keeps every int32 label exact while we check that float labels are whole.
  const raw = new Float64Array(count);
  decodeElements(a.bytes, a.dataOffset, count, a.type, raw);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i += 1) {
    const v = raw[i];
    const whole = isWholeType(a.type) || Number.isInteger(v);
    if (!whole || v < -(2 ** 31) || v >= 2 ** 31) return dataProblems.labelsNotWhole(a.file, i, v);
    labels[i] = v;
  }
  return { ok: true, value: labels };
}

/** Each image needs exactly one label. */
export function checkLabelCount(labels: number, images: number): Result<null> {
  if (labels !== images) return dataProblems.labelCountMismatch(labels, images);
  return { ok: true, value: null };
}
