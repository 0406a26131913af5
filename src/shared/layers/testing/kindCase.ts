/**
 * The per-kind test table's row: what every kind's `kinds/<kind>.cases.ts` states, worked out by
 * hand (never computed by the code under test). src/shared/layers/kinds.test.ts checks the
 * symbolic and round-trip columns, src/main/services/model/kinds.test.ts builds each example with
 * tfjs and checks shapes, counts and the forward pass against `reference`.
 */
import type { NodeKind, ParamValue } from '../../graph/document';
import type { ResolvedParams } from '../types';

export interface KindExample {
  /** Params that differ from the defaults. */
  params?: Record<string, ParamValue>;
  /** Input shapes by port, without the batch dimension. */
  inputs: Record<string, number[]>;
  /** A tied layer's partner Dense: its units and its flat input size. */
  partner?: { units: number; inputSize: number };
  /** The output shape and parameter counts as Keras gives them, worked out by hand. */
  output: number[];
  count: { trainable: number; nonTrainable: number };
}

export interface ReferenceArgs {
  /** One sample per input port, flat, channels last. */
  inputs: Float32Array[];
  shapes: number[][];
  outShape: number[];
  params: ResolvedParams;
  /** The layer's weights by suffix ('kernel', 'bias', ...); a partner's as 'partner/kernel'. */
  weights: Record<string, Float32Array>;
}

export interface KindCase {
  kind: NodeKind;
  examples: [KindExample, ...KindExample[]];
  /**
   * The layer's inference output for one sample, in plain JavaScript; null only for the kinds
   * that add no layer of their own (Input is the model's argument, Output marks its end).
   */
  reference: ((a: ReferenceArgs) => Float32Array) | null;
  /** The first example's Keras call and PyTorch forward expression, where a kind pins them. */
  python?: string;
  torch?: string;
}

/** The activations of the app, one value at a time (softmax aside). */
export function activate(name: unknown, x: number): number {
  switch (name) {
    case 'linear':
      return x;
    case 'relu':
      return Math.max(0, x);
    case 'sigmoid':
      return 1 / (1 + Math.exp(-x));
    case 'tanh':
      return Math.tanh(x);
    case 'elu':
      return x > 0 ? x : Math.exp(x) - 1;
    case 'selu':
      return 1.0507009873554805 * (x > 0 ? x : 1.6732632423543772 * (Math.exp(x) - 1));
    case 'softplus':
      return Math.log1p(Math.exp(x));
    default:
      throw new Error(`No reference for the activation ${String(name)}`);
  }
}

/** x (length n) times a row-major [n, m] matrix, plus an optional bias. */
export function matVec(x: Float32Array, w: Float32Array, m: number, bias?: Float32Array) {
  const out = new Float32Array(m);
  for (let j = 0; j < m; j++) {
    let s = bias ? bias[j] : 0;
    for (let i = 0; i < x.length; i++) s += x[i] * w[i * m + j];
    out[j] = s;
  }
  return out;
}

/** The value at (row, column, channel) of a channels-last image of width w and c channels. */
export const at = (img: Float32Array, w: number, c: number, y: number, x: number, ch: number) =>
  img[(y * w + x) * c + ch];

/** tfjs' (and Keras') 'same' padding before the first row: the smaller half of the total. */
export const padBefore = (size: number, k: number, s: number, padding: unknown) => {
  if (padding !== 'same') return 0;
  const out = Math.ceil(size / s);
  return Math.floor(Math.max(0, (out - 1) * s + k - size) / 2);
};

export const identity: KindCase['reference'] = ({ inputs }) => Float32Array.from(inputs[0]);
