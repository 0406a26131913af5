/**
 * A small protobuf writer for the few ONNX messages the export needs. Field numbers are those of
 * onnx/onnx.proto (proto2 syntax, so repeated numbers are written unpacked, one tag each, which
 * every protobuf reader accepts). Written by hand because the export needs only encoding, and
 * a full protobuf library with the ONNX schema would be a large dependency for six messages.
 */

/** TensorProto.DataType values used here (onnx.proto: FLOAT = 1, INT64 = 7). */
export const FLOAT = 1;
export const INT64 = 7;

export interface OnnxTensor {
  name: string;
  dims: number[];
  data: Float32Array | BigInt64Array;
}

export type OnnxAttribute =
  | { name: string; f: number }
  | { name: string; i: number }
  | { name: string; s: string }
  | { name: string; ints: number[] }
  | { name: string; floats: number[] };

export interface OnnxNode {
  opType: string;
  name: string;
  inputs: string[];
  outputs: string[];
  attributes?: OnnxAttribute[];
  docString?: string;
}

/** A float tensor's name and shape; a string dimension is symbolic (the batch). */
export interface OnnxValueInfo {
  name: string;
  dims: (number | string)[];
}

export interface OnnxGraph {
  name: string;
  nodes: OnnxNode[];
  initializers: OnnxTensor[];
  inputs: OnnxValueInfo[];
  outputs: OnnxValueInfo[];
  docString?: string;
}

export interface OnnxModel {
  irVersion: number;
  opsetVersion: number;
  producerName: string;
  producerVersion: string;
  graph: OnnxGraph;
  docString?: string;
  metadata?: Record<string, string>;
}

const VARINT = 0;
const FIXED32 = 5;
const LENGTH = 2;
const utf8 = new TextEncoder();

/** Collects the bytes of one message; sub-messages are encoded first, then framed by length. */
class Writer {
  private chunks: Uint8Array[] = [];
  private small: number[] = [];

  private flush(): void {
    if (this.small.length === 0) return;
    this.chunks.push(Uint8Array.from(this.small));
    this.small = [];
  }

  /** Base-128 varint; negative int64 values take ten bytes (two's complement), as protobuf says. */
  varint(value: number | bigint): void {
    let v = BigInt.asUintN(64, BigInt(value));
    while (v >= 0x80n) {
      this.small.push(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    this.small.push(Number(v));
  }

  tag(field: number, wire: number): void {
    this.varint((field << 3) | wire);
  }

  int(field: number, value: number | bigint): void {
    this.tag(field, VARINT);
    this.varint(value);
  }

  float(field: number, value: number): void {
    this.tag(field, FIXED32);
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, value, true);
    this.small.push(...b);
  }

  bytes(field: number, data: Uint8Array): void {
    this.tag(field, LENGTH);
    this.varint(data.length);
    this.flush();
    this.chunks.push(data);
  }

  /** A person's text may hold anything; TextEncoder writes valid UTF-8 whatever the string. */
  string(field: number, text: string): void {
    this.bytes(field, utf8.encode(text));
  }

  message(field: number, encode: (w: Writer) => void): void {
    const inner = new Writer();
    encode(inner);
    this.bytes(field, inner.finish());
  }

  finish(): Uint8Array {
    this.flush();
    const total = this.chunks.reduce((s, c) => s + c.length, 0);
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

/** Little-endian bytes of a tensor's values (TensorProto.raw_data is little-endian by spec). */
function rawData(data: Float32Array | BigInt64Array): Uint8Array {
  const out = new Uint8Array(data.length * (data instanceof Float32Array ? 4 : 8));
  const view = new DataView(out.buffer);
  if (data instanceof Float32Array) data.forEach((v, i) => view.setFloat32(i * 4, v, true));
  else data.forEach((v, i) => view.setBigInt64(i * 8, v, true));
  return out;
}

// TensorProto: dims = 1, data_type = 2, name = 8, raw_data = 9.
function tensor(w: Writer, t: OnnxTensor): void {
  for (const d of t.dims) w.int(1, d);
  w.int(2, t.data instanceof Float32Array ? FLOAT : INT64);
  w.string(8, t.name);
  w.bytes(9, rawData(t.data));
}

// AttributeProto: name = 1, f = 2, i = 3, s = 4, floats = 7, ints = 8, type = 20
// (AttributeType FLOAT = 1, INT = 2, STRING = 3, FLOATS = 6, INTS = 7).
function attribute(w: Writer, a: OnnxAttribute): void {
  w.string(1, a.name);
  if ('f' in a) {
    w.float(2, a.f);
    w.int(20, 1);
  } else if ('i' in a) {
    w.int(3, a.i);
    w.int(20, 2);
  } else if ('s' in a) {
    w.string(4, a.s);
    w.int(20, 3);
  } else if ('floats' in a) {
    for (const f of a.floats) w.float(7, f);
    w.int(20, 6);
  } else {
    for (const i of a.ints) w.int(8, i);
    w.int(20, 7);
  }
}

// NodeProto: input = 1, output = 2, name = 3, op_type = 4, attribute = 5, doc_string = 6.
function node(w: Writer, n: OnnxNode): void {
  for (const i of n.inputs) w.string(1, i);
  for (const o of n.outputs) w.string(2, o);
  w.string(3, n.name);
  w.string(4, n.opType);
  for (const a of n.attributes ?? []) w.message(5, (m) => attribute(m, a));
  if (n.docString) w.string(6, n.docString);
}

// ValueInfoProto: name = 1, type = 2. TypeProto: tensor_type = 1. TypeProto.Tensor: elem_type = 1,
// shape = 2. TensorShapeProto: dim = 1. Dimension: dim_value = 1, dim_param = 2.
function valueInfo(w: Writer, v: OnnxValueInfo): void {
  w.string(1, v.name);
  w.message(2, (type) =>
    type.message(1, (t) => {
      t.int(1, FLOAT);
      t.message(2, (shape) => {
        for (const d of v.dims)
          shape.message(1, (dim) => (typeof d === 'string' ? dim.string(2, d) : dim.int(1, d)));
      });
    }),
  );
}

// GraphProto: node = 1, name = 2, initializer = 5, doc_string = 10, input = 11, output = 12.
function graph(w: Writer, g: OnnxGraph): void {
  for (const n of g.nodes) w.message(1, (m) => node(m, n));
  w.string(2, g.name);
  for (const t of g.initializers) w.message(5, (m) => tensor(m, t));
  if (g.docString) w.string(10, g.docString);
  for (const v of g.inputs) w.message(11, (m) => valueInfo(m, v));
  for (const v of g.outputs) w.message(12, (m) => valueInfo(m, v));
}

/**
 * The bytes of a ModelProto. ModelProto: ir_version = 1, producer_name = 2, producer_version = 3,
 * doc_string = 6, graph = 7, opset_import = 8, metadata_props = 14. OperatorSetIdProto: domain = 1,
 * version = 2. StringStringEntryProto: key = 1, value = 2.
 */
export function encodeModel(model: OnnxModel): Uint8Array {
  const w = new Writer();
  w.int(1, model.irVersion);
  w.string(2, model.producerName);
  w.string(3, model.producerVersion);
  if (model.docString) w.string(6, model.docString);
  w.message(7, (g) => graph(g, model.graph));
  w.message(8, (op) => {
    op.string(1, '');
    op.int(2, model.opsetVersion);
  });
  for (const [key, value] of Object.entries(model.metadata ?? {}))
    w.message(14, (m) => {
      m.string(1, key);
      m.string(2, value);
    });
  return w.finish();
}
