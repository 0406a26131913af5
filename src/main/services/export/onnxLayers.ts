import { descriptorOfClass } from '../../../shared/layers/registry';
import type { OnnxConverterName, OnnxRule } from '../../../shared/layers/types';
import { assertNever } from '../../../shared/util/assertNever';
import { isTrainingOnly } from './inferenceTopology';
import type { GraphBuilder, Value } from './onnxGraph';
import { batchNorm, conv, maxPool, upSample } from './onnxImage';
import { activate, isLinear, OnnxUnsupported, weight, type Config } from './onnxOps';
import { winners } from './onnxWinners';
import type { NamedWeights } from './tiedToDense';

export { OnnxUnsupported } from './onnxOps';

type Converter = (
  b: GraphBuilder,
  name: string,
  c: Config,
  x: Value,
  weights: NamedWeights,
) => Value;

function dense(b: GraphBuilder, name: string, c: Config, x: Value, weights: NamedWeights): Value {
  const input = b.asLast(x, name);
  const kernel = weight(weights, name, 'kernel');
  const units = kernel.shape[1];
  const w = b.floats(`${name}_kernel`, kernel.shape, kernel.values);
  const bias = c.use_bias === false ? null : weight(weights, name, 'bias');
  const biasName = bias ? b.floats(`${name}_bias`, bias.shape, bias.values) : null;
  const label = isLinear(c.activation) ? name : `${name}_linear`;
  const shape = [...x.shape.slice(0, -1), units];
  let out: string;
  if (x.shape.length === 1) {
    out = b.op('Gemm', label, biasName ? [input, w, biasName] : [input, w]);
  } else {
    // Gemm takes only matrices; Keras' Dense on a longer shape acts on its last axis.
    out = b.op('MatMul', biasName ? `${name}_matmul` : label, [input, w]);
    if (biasName) out = b.op('Add', label, [out, biasName]);
  }
  const v: Value = shape.length === 1 ? { shape, last: out, first: out } : { shape, last: out };
  return activate(b, v, c.activation, name);
}

/**
 * The exporter's converters, one per layer family a descriptor may name (its `onnx` rule): the
 * Record type makes a converter a descriptor can name but this table lacks a type error.
 */
const CONVERTERS: Record<OnnxConverterName, Converter> = {
  dense,
  activation: (b, name, c, x) => activate(b, x, c.activation, name),
  conv: (b, name, c, x, w) => conv(b, name, c, x, w, false),
  convTranspose: (b, name, c, x, w) => conv(b, name, c, x, w, true),
  maxPool: (b, name, c, x) => maxPool(b, name, c, x),
  upSample: (b, name, c, x) => upSample(b, name, c, x),
  batchNorm,
  winners,
  flatten: (b, name, _c, x) => {
    const size = x.shape.reduce((p, q) => p * q, 1);
    const out = b.op('Flatten', name, [b.asLast(x, name)], [{ name: 'axis', i: 1 }]);
    return { shape: [size], last: out, first: out };
  },
  reshape: (b, name, c, x) => {
    const target = c.target_shape as number[];
    const shape = b.int64s(`${name}_shape`, [-1, ...target]);
    const out = b.op('Reshape', name, [b.asLast(x, name), shape]);
    return target.length === 1
      ? { shape: target, last: out, first: out }
      : { shape: [...target], last: out };
  },
};

/** One elementwise operator: it keeps whichever layout the value already has. */
function elementwise(
  b: GraphBuilder,
  name: string,
  x: Value,
  op: string,
  attributes: ReturnType<Extract<OnnxRule, { elementwise: string }>['attributes']>,
): Value {
  const useFirst = x.first !== undefined && x.first !== x.last;
  const out = b.op(op, name, [useFirst ? x.first! : x.last!], attributes);
  if (x.shape.length <= 1) return { shape: x.shape, last: out, first: out };
  return useFirst ? { shape: x.shape, first: out } : { shape: x.shape, last: out };
}

/** Adds one inference layer (a saved tfjs topology entry) to the graph; returns its output. */
export function convertLayer(
  b: GraphBuilder,
  layer: { class_name: string; name: string; config: Config },
  inputs: Value[],
  weights: NamedWeights,
): Value {
  const { name, config: c } = layer;
  const x = inputs[0];
  const rule = descriptorOfClass(layer.class_name)?.kerasClass?.onnx;
  if (!rule) {
    // Removed before export; should one remain, at inference it passes its first input on.
    if (isTrainingOnly(layer.class_name, c)) return x;
    throw new OnnxUnsupported(
      `The layer '${name}' (${layer.class_name}) cannot be exported to ONNX yet.`,
    );
  }
  if ('converter' in rule) return CONVERTERS[rule.converter](b, name, c, x, weights);
  if ('elementwise' in rule) return elementwise(b, name, x, rule.elementwise, rule.attributes(c));
  if ('passFirst' in rule) return x;
  if ('unsupported' in rule)
    throw new OnnxUnsupported(
      `The layer '${name}' (${layer.class_name}) cannot be exported to ONNX: ${rule.unsupported}.`,
    );
  return assertNever(rule, 'ONNX rule');
}
