import type { GraphBuilder, Value } from './onnxGraph';
import type { NamedWeights } from './tiedToDense';

/** A layer or setting ONNX export does not cover: said to the person as is. */
export class OnnxUnsupported extends Error {}

export type Config = Record<string, unknown>;
export const pair = (v: unknown): [number, number] =>
  Array.isArray(v) ? [v[0] as number, v[1] as number] : [v as number, v as number];

/** tfjs' elementwise activations by their Keras name, and the ONNX operator computing each. */
const ELEMENTWISE: Record<string, string> = {
  relu: 'Relu',
  sigmoid: 'Sigmoid',
  tanh: 'Tanh',
  elu: 'Elu',
  // ONNX Selu's default alpha and gamma are tfjs' constants rounded to float32.
  selu: 'Selu',
  softplus: 'Softplus',
  softsign: 'Softsign',
};

export const isLinear = (activation: unknown) =>
  activation === undefined || activation === 'linear';

/** Applies a Keras activation; elementwise ones keep whichever layout the value already has. */
export function activate(b: GraphBuilder, v: Value, activation: unknown, label: string): Value {
  if (isLinear(activation)) return v;
  if (activation === 'softmax') {
    // Softmax runs over the app's last axis; ONNX opset 13's default axis is -1, the same.
    return { shape: v.shape, last: b.op('Softmax', label, [b.asLast(v, label)]) };
  }
  const opType = ELEMENTWISE[String(activation)];
  if (!opType)
    throw new OnnxUnsupported(
      `The activation '${String(activation)}' has no ONNX equivalent here.`,
    );
  const useFirst = v.first !== undefined && v.first !== v.last;
  const out = b.op(opType, label, [useFirst ? v.first! : v.last!]);
  if (v.shape.length <= 1) return { shape: v.shape, last: out, first: out };
  return useFirst ? { shape: v.shape, first: out } : { shape: v.shape, last: out };
}

/** A weight of a layer by kind ('kernel', 'bias'); missing means the topology and weights disagree. */
export function weight(weights: NamedWeights, layer: string, kind: string) {
  const w = weights.get(`${layer}/${kind}`);
  if (!w) throw new Error(`The weight '${layer}/${kind}' is missing from the model.`);
  return w;
}
