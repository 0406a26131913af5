import { permute, type GraphBuilder, type Value } from './onnxGraph';
import { activate, isLinear, OnnxUnsupported, pair, weight, type Config } from './onnxOps';
import type { NamedWeights } from './tiedToDense';

/** tfjs' 'same' padding (more at the end when odd), as ONNX [begin, end] for one axis. */
function samePads(size: number, k: number, s: number, d = 1): [number, number, number] {
  const out = Math.ceil(size / s);
  const total = Math.max(0, (out - 1) * s + (k - 1) * d + 1 - size);
  return [Math.floor(total / 2), total - Math.floor(total / 2), out];
}

function windowAxis(size: number, k: number, s: number, padding: unknown, d = 1) {
  if (padding === 'same') return samePads(size, k, s, d);
  if (padding !== 'valid')
    throw new OnnxUnsupported(`The padding '${String(padding)}' is not supported.`);
  return [0, 0, Math.floor((size - (k - 1) * d - 1) / s) + 1] as [number, number, number];
}

function channelsLast(c: Config): void {
  if (c.data_format !== undefined && c.data_format !== 'channels_last')
    throw new OnnxUnsupported('Only images with their channels last can be exported to ONNX.');
}

/** Conv2D or Conv2DTranspose, computed channels first. */
export function conv(
  b: GraphBuilder,
  name: string,
  c: Config,
  x: Value,
  weights: NamedWeights,
  transposed: boolean,
): Value {
  channelsLast(c);
  const [h, w] = x.shape;
  const [kh, kw] = pair(c.kernel_size);
  const [sh, sw] = pair(c.strides ?? 1);
  const [dh, dw] = pair(c.dilation_rate ?? 1);
  const kernel = weight(weights, name, 'kernel');
  // tfjs keeps [kh, kw, in, out] (Conv2D) or [kh, kw, out, in] (Conv2DTranspose); ONNX wants
  // [out, in, kh, kw] (Conv) or [in, out, kh, kw] (ConvTranspose): the same permutation for both.
  const wName = b.floats(
    `${name}_kernel`,
    [3, 2, 0, 1].map((p) => kernel.shape[p]),
    permute(kernel.values, kernel.shape, [3, 2, 0, 1]),
  );
  const inputs = [b.asFirst(x, name), wName];
  if (c.use_bias !== false) {
    const bias = weight(weights, name, 'bias');
    inputs.push(b.floats(`${name}_bias`, bias.shape, bias.values));
  }
  const filters = transposed ? kernel.shape[2] : kernel.shape[3];
  const label = isLinear(c.activation) ? name : `${name}_linear`;
  const base = [
    { name: 'kernel_shape', ints: [kh, kw] },
    { name: 'strides', ints: [sh, sw] },
  ];
  let out: string;
  let outHW: [number, number];
  if (!transposed) {
    const [top, bottom, oh] = windowAxis(h, kh, sh, c.padding, dh);
    const [left, right, ow] = windowAxis(w, kw, sw, c.padding, dw);
    outHW = [oh, ow];
    out = b.op('Conv', label, inputs, [
      ...base,
      { name: 'pads', ints: [top, left, bottom, right] },
      { name: 'dilations', ints: [dh, dw] },
    ]);
  } else {
    if (dh !== 1 || dw !== 1)
      throw new OnnxUnsupported('A dilated transposed convolution cannot be exported to ONNX.');
    // tfjs computes it as the gradient of a convolution from the larger image (deconvLength).
    const axis = (size: number, k: number, s: number) => {
      const target = c.padding === 'same' ? size * s : size * s + Math.max(k - s, 0);
      const total =
        c.padding === 'same' ? Math.max(0, (Math.ceil(target / s) - 1) * s + k - target) : 0;
      return {
        target,
        begin: Math.floor(total / 2),
        end: total - Math.floor(total / 2),
        extra: target - (s * (size - 1) + k - total),
      };
    };
    const ah = axis(h, kh, sh);
    const aw = axis(w, kw, sw);
    outHW = [ah.target, aw.target];
    out = b.op('ConvTranspose', label, inputs, [
      ...base,
      { name: 'pads', ints: [ah.begin, aw.begin, ah.end, aw.end] },
      { name: 'output_padding', ints: [ah.extra, aw.extra] },
    ]);
  }
  return activate(b, { shape: [...outHW, filters], first: out }, c.activation, name);
}

export function maxPool(b: GraphBuilder, name: string, c: Config, x: Value): Value {
  channelsLast(c);
  const [kh, kw] = pair(c.pool_size);
  const [sh, sw] = pair(c.strides ?? c.pool_size);
  const [top, bottom, oh] = windowAxis(x.shape[0], kh, sh, c.padding);
  const [left, right, ow] = windowAxis(x.shape[1], kw, sw, c.padding);
  const out = b.op(
    'MaxPool',
    name,
    [b.asFirst(x, name)],
    [
      { name: 'kernel_shape', ints: [kh, kw] },
      { name: 'strides', ints: [sh, sw] },
      { name: 'pads', ints: [top, left, bottom, right] },
    ],
  );
  return { shape: [oh, ow, x.shape[2]], first: out };
}

export function upSample(b: GraphBuilder, name: string, c: Config, x: Value): Value {
  channelsLast(c);
  if (c.interpolation !== undefined && c.interpolation !== 'nearest')
    throw new OnnxUnsupported(
      `Up-sampling by '${String(c.interpolation)}' cannot be exported to ONNX.`,
    );
  const [sh, sw] = pair(c.size);
  const scales = b.floats(`${name}_scales`, [4], Float32Array.from([1, 1, sh, sw]));
  // tfjs' resizeNearestNeighbor (no corner alignment, no half-pixel centres) reads source pixel
  // floor(out / factor): ONNX's 'asymmetric' coordinates with 'floor' rounding.
  const out = b.op(
    'Resize',
    name,
    [b.asFirst(x, name), '', scales],
    [
      { name: 'mode', s: 'nearest' },
      { name: 'coordinate_transformation_mode', s: 'asymmetric' },
      { name: 'nearest_mode', s: 'floor' },
    ],
  );
  return { shape: [x.shape[0] * sh, x.shape[1] * sw, x.shape[2]], first: out };
}

export function batchNorm(
  b: GraphBuilder,
  name: string,
  c: Config,
  x: Value,
  weights: NamedWeights,
): Value {
  const axis = c.axis as number | number[] | undefined;
  const ax = Array.isArray(axis) ? axis[0] : axis;
  if (ax !== undefined && ax !== -1 && ax !== x.shape.length)
    throw new OnnxUnsupported(
      'Batch normalization over an axis other than the last cannot be exported to ONNX.',
    );
  const channels = x.shape[x.shape.length - 1];
  const get = (kind: string, fill: number) =>
    weights.get(`${name}/${kind}`)?.values ?? new Float32Array(channels).fill(fill);
  const inputs = [
    b.asFirst(x, name),
    b.floats(`${name}_gamma`, [channels], get('gamma', 1)),
    b.floats(`${name}_beta`, [channels], get('beta', 0)),
    b.floats(`${name}_moving_mean`, [channels], weight(weights, name, 'moving_mean').values),
    b.floats(
      `${name}_moving_variance`,
      [channels],
      weight(weights, name, 'moving_variance').values,
    ),
  ];
  const out = b.op('BatchNormalization', name, inputs, [
    { name: 'epsilon', f: (c.epsilon as number) ?? 1e-3 },
  ]);
  return x.shape.length <= 1
    ? { shape: x.shape, first: out, last: out }
    : { shape: x.shape, first: out };
}
