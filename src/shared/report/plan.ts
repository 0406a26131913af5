import type { GraphAnalysis, KerasLayerSpec, KerasModelSpec } from '../compiler';
import { fail, ok, type Result } from '../contract/result';
import type { ForwardPlan, ForwardStep } from './runtime';

// Layers that change nothing at inference: noise and dropout only act while training, Code only
// marks the bottleneck (its penalties are loss terms), Sampling gives its mean.
const IDENTITY = new Set([
  'Dropout',
  'GaussianNoise',
  'MaskingNoise',
  'SaltAndPepperNoise',
  'Code',
  'Sampling',
]);

const pair = (v: unknown): [number, number] =>
  Array.isArray(v) ? [Number(v[0]), Number(v[1] ?? v[0])] : [Number(v), Number(v)];

/** The step one Keras layer becomes, null for an identity, or a message when it has none. */
function stepOf(layer: KerasLayerSpec): ForwardStep | null | string {
  const c = layer.config;
  const act = typeof c.activation === 'string' ? c.activation : 'linear';
  const bias = c.use_bias === false ? null : `${layer.name}/bias`;
  switch (layer.class_name) {
    case 'Dense':
      return {
        op: 'dense',
        kernel: `${layer.name}/kernel`,
        bias,
        units: Number(c.units),
        act,
        transpose: false,
      };
    case 'TiedDense':
      return {
        op: 'dense',
        kernel: `${String(c.partner)}/kernel`,
        bias,
        units: Number(c.units),
        act,
        transpose: true,
      };
    case 'Activation':
      return { op: 'act', act };
    case 'Reshape':
      return { op: 'shape', to: (c.target_shape as number[]).map(Number) };
    case 'Flatten':
      return { op: 'shape', to: [] };
    case 'Conv2D':
    case 'Conv2DTranspose': {
      const [kh, kw] = pair(c.kernel_size);
      const [sh, sw] = pair(c.strides ?? 1);
      if (pair(c.dilation_rate ?? 1).some((d) => d !== 1)) return `'${layer.name}' uses dilation`;
      return {
        op: layer.class_name === 'Conv2D' ? 'conv' : 'deconv',
        kernel: `${layer.name}/kernel`,
        bias,
        filters: Number(c.filters),
        kh,
        kw,
        sh,
        sw,
        pad: c.padding === 'same' ? 'same' : 'valid',
        act,
      };
    }
    case 'MaxPooling2D': {
      const [kh, kw] = pair(c.pool_size);
      const [sh, sw] = pair(c.strides ?? c.pool_size);
      return { op: 'pool', kh, kw, sh, sw, pad: c.padding === 'same' ? 'same' : 'valid' };
    }
    case 'UpSampling2D': {
      const [sh, sw] = pair(c.size);
      return { op: 'up', sh, sw };
    }
    case 'BatchNormalization':
      return {
        op: 'bn',
        gamma: c.scale === false ? null : `${layer.name}/gamma`,
        beta: c.center === false ? null : `${layer.name}/beta`,
        mean: `${layer.name}/moving_mean`,
        variance: `${layer.name}/moving_variance`,
        epsilon: Number(c.epsilon ?? 0.001),
      };
    default:
      return IDENTITY.has(layer.class_name) ? null : `'${layer.name}' is a ${layer.class_name}`;
  }
}

function planOf(
  chain: KerasLayerSpec[],
  inputShape: number[],
  outputShape: number[],
): Result<ForwardPlan> {
  const steps: ForwardStep[] = [];
  for (const layer of chain) {
    const step = stepOf(layer);
    if (typeof step === 'string')
      return fail('E_UNSUPPORTED', `The report cannot run this model in a browser: ${step}.`);
    if (step)
      steps.push(
        step.op === 'shape' && step.to.length === 0
          ? { op: 'shape', to: [outputSizeOf(steps, inputShape)] }
          : step,
      );
  }
  return ok({ inputShape, outputShape, steps });
}

/** A Flatten's size: the product of the shape at that point, worked out from the earlier steps. */
function outputSizeOf(steps: ForwardStep[], inputShape: number[]): number {
  let shape = inputShape.slice();
  for (const s of steps) {
    if (s.op === 'shape') shape = s.to.slice();
    else if (s.op === 'dense') shape = [s.units];
    else if (s.op === 'up') shape = [shape[0] * s.sh, shape[1] * s.sw, shape[2]];
    else if (s.op === 'pool') {
      const o = (n: number, k: number, st: number) =>
        s.pad === 'same' ? Math.ceil(n / st) : Math.floor((n - k) / st) + 1;
      shape = [o(shape[0], s.kh, s.sh), o(shape[1], s.kw, s.sw), shape[2]];
    } else if (s.op === 'conv') {
      const o = (n: number, k: number, st: number) =>
        s.pad === 'same' ? Math.ceil(n / st) : Math.floor((n - k) / st) + 1;
      shape = [o(shape[0], s.kh, s.sh), o(shape[1], s.kw, s.sw), s.filters];
    } else if (s.op === 'deconv') {
      const o = (n: number, k: number, st: number) =>
        s.pad === 'same' ? n * st : n * st + Math.max(k - st, 0);
      shape = [o(shape[0], s.kh, s.sh), o(shape[1], s.kw, s.sw), s.filters];
    }
  }
  return shape.reduce((a, b) => a * b, 1);
}

const shapeOfLayer = (
  spec: KerasModelSpec,
  analysis: GraphAnalysis,
  layer: string,
): number[] | null => analysis.nodes[spec.studio.nodeOfLayer[layer] ?? '']?.shape ?? null;

/** The plan of the decoder (code to output), as the app's tfjs decoder chains it. */
export function decoderPlan(spec: KerasModelSpec, analysis: GraphAnalysis): Result<ForwardPlan> {
  const code = spec.studio.codeLayer;
  if (!code || spec.studio.task === 'classify' || code === spec.studio.outputLayer)
    return fail('E_UNSUPPORTED', 'This design has no separate decoder to generate images with.');
  const after = new Set([code]);
  const chain: KerasLayerSpec[] = [];
  for (const layer of spec.config.layers) {
    const sources = (layer.inbound_nodes[0] ?? []).map((n) => n[0]);
    if (!sources.some((s) => after.has(s))) continue;
    if (sources.length !== 1)
      return fail('E_UNSUPPORTED', 'The decoder is not one chain of layers.');
    after.add(layer.name);
    chain.push(layer);
  }
  const input = shapeOfLayer(spec, analysis, code);
  const output = spec.studio.inputShape;
  if (!input || !after.has(spec.studio.outputLayer))
    return fail('E_UNSUPPORTED', 'This design has no separate decoder to generate images with.');
  return planOf(chain, input, output);
}

/** The plan of the encoder (input to code); a VAE's code is its mean, as the app's encoder gives. */
export function encoderPlan(spec: KerasModelSpec, analysis: GraphAnalysis): Result<ForwardPlan> {
  const byName = new Map(spec.config.layers.map((l) => [l.name, l]));
  const target = spec.studio.codeLayer ?? spec.studio.outputLayer;
  const chain: KerasLayerSpec[] = [];
  let at = byName.get(target);
  while (at && at.class_name !== 'InputLayer') {
    chain.unshift(at);
    const sources = (at.inbound_nodes[0] ?? []).map((n) => n[0]);
    if (sources.length !== 1 && at.class_name !== 'Sampling')
      return fail('E_UNSUPPORTED', 'The encoder is not one chain of layers.');
    at = byName.get(sources[0]);
  }
  const output = shapeOfLayer(spec, analysis, target);
  if (!at || !output) return fail('E_UNSUPPORTED', 'The encoder could not be traced.');
  return planOf(chain, spec.studio.inputShape, output);
}

/** The weight names a plan reads. */
export function planWeightNames(plan: ForwardPlan): string[] {
  const names = new Set<string>();
  for (const s of plan.steps) {
    if (s.op === 'dense' || s.op === 'conv' || s.op === 'deconv') {
      names.add(s.kernel);
      if (s.bias) names.add(s.bias);
    } else if (s.op === 'bn') {
      for (const n of [s.gamma, s.beta, s.mean, s.variance]) if (n) names.add(n);
    }
  }
  return [...names];
}
