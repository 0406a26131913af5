import { TRAINING_ONLY } from './inferenceTopology';
import type { GraphBuilder, Value } from './onnxGraph';
import { batchNorm, conv, maxPool, upSample } from './onnxImage';
import { activate, isLinear, OnnxUnsupported, weight, type Config } from './onnxOps';
import type { NamedWeights } from './tiedToDense';

export { OnnxUnsupported } from './onnxOps';

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

/** Adds one inference layer (a saved tfjs topology entry) to the graph; returns its output. */
export function convertLayer(
  b: GraphBuilder,
  layer: { class_name: string; name: string; config: Config },
  inputs: Value[],
  weights: NamedWeights,
): Value {
  const { name, config: c } = layer;
  const x = inputs[0];
  switch (layer.class_name) {
    case 'Dense':
      return dense(b, name, c, x, weights);
    case 'Activation':
      return activate(b, x, c.activation, name);
    case 'LeakyReLU': {
      const alpha = (c.alpha as number | undefined) ?? 0.3;
      const useFirst = x.first !== undefined && x.first !== x.last;
      const out = b.op(
        'LeakyRelu',
        name,
        [useFirst ? x.first! : x.last!],
        [{ name: 'alpha', f: alpha }],
      );
      return useFirst ? { shape: x.shape, first: out } : { shape: x.shape, last: out };
    }
    case 'Conv2D':
      return conv(b, name, c, x, weights, false);
    case 'Conv2DTranspose':
      return conv(b, name, c, x, weights, true);
    case 'MaxPooling2D':
      return maxPool(b, name, c, x);
    case 'UpSampling2D':
      return upSample(b, name, c, x);
    case 'BatchNormalization':
      return batchNorm(b, name, c, x, weights);
    case 'Flatten': {
      const size = x.shape.reduce((p, q) => p * q, 1);
      const out = b.op('Flatten', name, [b.asLast(x, name)], [{ name: 'axis', i: 1 }]);
      return { shape: [size], last: out, first: out };
    }
    case 'Reshape': {
      const target = c.target_shape as number[];
      const shape = b.int64s(`${name}_shape`, [-1, ...target]);
      const out = b.op('Reshape', name, [b.asLast(x, name), shape]);
      return target.length === 1
        ? { shape: target, last: out, first: out }
        : { shape: [...target], last: out };
    }
    default:
      // Removed before export; should one remain, at inference it passes its first input on.
      if (TRAINING_ONLY.has(layer.class_name)) return x;
      throw new OnnxUnsupported(
        `The layer '${name}' (${layer.class_name}) cannot be exported to ONNX yet.`,
      );
  }
}
