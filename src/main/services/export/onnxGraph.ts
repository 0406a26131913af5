import type { OnnxAttribute, OnnxNode, OnnxTensor } from './onnxProto';

/**
 * One tensor of the model as the app sees it (`shape`, channels last, batch left out) and the
 * ONNX names holding it: `last` in the app's layout, `first` with the channels moved to axis 1
 * (what ONNX Conv, MaxPool and BatchNormalization read). Either or both exist; a layout is made
 * from the other only when an operator asks for it, so a chain of convolutions stays channels
 * first and needs one Transpose at each end, not two around every layer.
 */
export interface Value {
  shape: number[];
  last?: string;
  first?: string;
}

/** A person's text as an ONNX name: letters, digits and '_', starting with a letter, at most 64. */
export function safeName(text: string): string {
  const base = text.replace(/[^A-Za-z0-9_]+/g, '_').slice(0, 64);
  return /^[A-Za-z]/.test(base) ? base : `t_${base}`;
}

/** The ONNX nodes and weights of one graph, with unique, safe names for everything in it. */
export class GraphBuilder {
  readonly nodes: OnnxNode[] = [];
  readonly initializers: OnnxTensor[] = [];
  private readonly used = new Set<string>();

  /**
   * A name no other tensor or node has, made safe (safeName) so no tool that reads the file ever
   * meets a quote, slash or newline in it.
   */
  unique(text: string): string {
    const base = safeName(text);
    let name = base;
    for (let i = 2; this.used.has(name); i++) name = `${base}_${i}`;
    this.used.add(name);
    return name;
  }

  /** Takes `name` as it is when no tensor or node has it yet; false when taken or not safe. */
  claim(name: string): boolean {
    if (this.used.has(name) || safeName(name) !== name) return false;
    this.used.add(name);
    return true;
  }

  /** Renames a tensor (and the node named after it) everywhere it occurs. */
  rename(from: string, to: string): void {
    const swap = (s: string) => (s === from ? to : s);
    for (const n of this.nodes) {
      n.inputs = n.inputs.map(swap);
      n.outputs = n.outputs.map(swap);
      n.name = swap(n.name);
    }
  }

  /** Adds a node with one output named after `label`; returns the output's name. */
  op(opType: string, label: string, inputs: string[], attributes?: OnnxAttribute[]): string {
    const out = this.unique(label);
    this.nodes.push({ opType, name: out, inputs, outputs: [out], attributes });
    return out;
  }

  floats(label: string, dims: number[], data: Float32Array): string {
    const name = this.unique(label);
    this.initializers.push({ name, dims, data });
    return name;
  }

  int64s(label: string, values: number[]): string {
    const name = this.unique(label);
    this.initializers.push({
      name,
      dims: [values.length],
      data: BigInt64Array.from(values, (v) => BigInt(v)),
    });
    return name;
  }

  /** The value in the app's layout (channels last), transposing once if only channels first exists. */
  asLast(v: Value, label: string): string {
    if (v.last !== undefined) return v.last;
    const rank = v.shape.length + 1;
    // Inverse of [0, rank-1, 1, ..., rank-2]: the channels go back to the end.
    const perm = [0, ...Array.from({ length: rank - 2 }, (_, i) => i + 2), 1];
    v.last = this.op('Transpose', `${label}_nhwc`, [v.first!], [{ name: 'perm', ints: perm }]);
    return v.last;
  }

  /** The value with its channels (last app axis) at axis 1, as ONNX's image operators read it. */
  asFirst(v: Value, label: string): string {
    if (v.first !== undefined) return v.first;
    // A flat value [batch, n] is the same in both layouts.
    if (v.shape.length <= 1) return (v.first = v.last!);
    const rank = v.shape.length + 1;
    const perm = [0, rank - 1, ...Array.from({ length: rank - 2 }, (_, i) => i + 1)];
    v.first = this.op('Transpose', `${label}_nchw`, [v.last!], [{ name: 'perm', ints: perm }]);
    return v.first;
  }
}

/** Values reordered so axis i of the result is axis perm[i] of the input (numpy's transpose). */
export function permute(values: Float32Array, shape: number[], perm: number[]): Float32Array {
  const outShape = perm.map((p) => shape[p]);
  const strides = shape.map((_, i) => shape.slice(i + 1).reduce((a, b) => a * b, 1));
  const out = new Float32Array(values.length);
  const index = new Array<number>(outShape.length).fill(0);
  for (let o = 0; o < out.length; o++) {
    let from = 0;
    for (let a = 0; a < perm.length; a++) from += index[a] * strides[perm[a]];
    out[o] = values[from];
    for (let a = outShape.length - 1; a >= 0; a--) {
      if (++index[a] < outShape[a]) break;
      index[a] = 0;
    }
  }
  return out;
}
