/**
 * What each Keras layer class becomes in a PyTorch script: its module, the expression of its
 * output, its extra loss terms, its weights (and how the app's layout maps to torch's) and its
 * initializers. One entry per class, keyed by the Keras class name the compiler emits; a class
 * missing here is a named failure, never a dropped layer.
 */
import type { KerasLayerSpec } from '../../compiler';
import { fail, ok, type Result } from '../../contract/result';
import { pyValue } from '../python';

export interface TorchLayerArgs {
  layer: KerasLayerSpec;
  /** The layer's module, `self.<attribute>`. */
  self: string;
  /** Python expressions of its inputs, in port order. */
  inputs: string[];
  /** Shapes of its inputs and output, without the batch dimension. */
  inShapes: number[][];
  outShape: number[];
  /** The module of another layer (a tied partner), by its Keras name. */
  selfOf(layerName: string): string | null;
  /** The spec of the layer feeding input `k`, when it belongs to the same model or phase. */
  sourceOf(k: number): KerasLayerSpec | undefined;
}

/** One weight: its suffix in the app's name (`<layer>/<suffix>`), torch's name and axis order. */
export interface TorchWeight {
  suffix: string;
  param: string;
  order: number[];
}

export interface TorchLayerCode {
  /** The constructor of the layer's module; absent for layers without state. */
  module?: string;
  /** The output as a Python expression of the inputs. */
  value: string;
  /** Statements adding the layer's extra loss terms to `terms`. */
  terms?: string[];
  weights?: TorchWeight[];
  /** Statements initializing the module's weights. */
  init?: string[];
}

type Emitter = (a: TorchLayerArgs) => Result<TorchLayerCode>;

const ACTIVATIONS: Record<string, (x: string) => string> = {
  linear: (x) => x,
  relu: (x) => `torch.relu(${x})`,
  sigmoid: (x) => `torch.sigmoid(${x})`,
  tanh: (x) => `torch.tanh(${x})`,
  elu: (x) => `F.elu(${x})`,
  selu: (x) => `F.selu(${x})`,
  softplus: (x) => `F.softplus(${x})`,
  softmax: (x) => `torch.softmax(${x}, dim=-1)`,
};

const unsupported = (layer: KerasLayerSpec, what: string) =>
  fail<never>(
    'E_UNSUPPORTED',
    `The layer '${layer.name}' (${layer.class_name}) cannot be written as PyTorch code: ${what}.`,
  );

/** The layer's activation applied to `x`, or a failure naming an activation torch lacks here. */
function activate(layer: KerasLayerSpec, x: string): Result<string> {
  const name = (layer.config.activation as string | undefined) ?? 'linear';
  const apply = Object.hasOwn(ACTIVATIONS, name) ? ACTIVATIONS[name] : undefined;
  return apply ? ok(apply(x)) : unsupported(layer, `the activation '${name}' is unknown`);
}

const side = (v: unknown): number => (Array.isArray(v) ? (v[0] as number) : (v as number));

interface Initializer {
  class_name?: string;
  config?: Record<string, unknown>;
}

/** The statement of a Keras initializer (the shared contract's four kinds) on `target`. */
function initializerLine(
  layer: KerasLayerSpec,
  init: unknown,
  fallback: 'GlorotUniform' | 'Zeros',
  target: string,
  fanIn: number,
  fanOut: number,
): Result<string> {
  const spec = (init ?? { class_name: fallback }) as Initializer;
  const c = spec.config ?? {};
  switch (spec.class_name) {
    case 'GlorotUniform':
      return ok(`glorot_uniform_(${target}, ${fanIn}, ${fanOut})`);
    case 'HeNormal':
      return ok(`he_normal_(${target}, ${fanIn})`);
    case 'RandomNormal':
      return ok(
        `nn.init.normal_(${target}, ${pyValue(c.mean ?? 0)}, ${pyValue(c.stddev ?? 0.05)})`,
      );
    case 'Zeros':
      return ok(`nn.init.zeros_(${target})`);
    default:
      return unsupported(layer, `the initializer '${String(spec.class_name)}' is unknown`);
  }
}

/** A kernel and an optional bias: their weights and initializers. */
function kernelAndBias(
  a: TorchLayerArgs,
  kernelOrder: number[],
  fanIn: number,
  fanOut: number,
): Result<Pick<TorchLayerCode, 'weights' | 'init'>> {
  const c = a.layer.config;
  const kernel = initializerLine(
    a.layer,
    c.kernel_initializer,
    'GlorotUniform',
    `${a.self}.weight`,
    fanIn,
    fanOut,
  );
  if (!kernel.ok) return kernel;
  const weights: TorchWeight[] = [{ suffix: 'kernel', param: 'weight', order: kernelOrder }];
  const init = [kernel.value];
  if (c.use_bias !== false) {
    const bias = initializerLine(a.layer, c.bias_initializer, 'Zeros', `${a.self}.bias`, 0, 0);
    if (!bias.ok) return bias;
    weights.push({ suffix: 'bias', param: 'bias', order: [0] });
    init.push(bias.value);
  }
  return ok({ weights, init });
}

/** A layer with a module and an activation after it. */
function withModule(
  a: TorchLayerArgs,
  module: string,
  call: string,
  fans: [number, number],
  kernelOrder: number[],
): Result<TorchLayerCode> {
  const value = activate(a.layer, call);
  if (!value.ok) return value;
  const params = kernelAndBias(a, kernelOrder, ...fans);
  if (!params.ok) return params;
  return ok({ module, value: value.value, ...params.value });
}

const identity = (a: TorchLayerArgs, terms?: string[]): Result<TorchLayerCode> =>
  ok({ value: a.inputs[0], terms });

/** Conv2D and Conv2DTranspose: kernels [k, k, in, out] and [k, k, out, in] become torch's. */
function conv(a: TorchLayerArgs, transpose: boolean): Result<TorchLayerCode> {
  const c = a.layer.config;
  const [k, s] = [side(c.kernel_size), side(c.strides)];
  const channels = a.inShapes[0][2];
  const filters = c.filters as number;
  const args = [channels, filters, k, s, pyValue(c.padding)];
  if (transpose) args.push(pyValue(a.inShapes[0].slice(0, 2)), pyValue(a.outShape.slice(0, 2)));
  const module = `${transpose ? 'ConvTranspose2d' : 'Conv2d'}(${args.join(', ')})`;
  // Keras' fans come from the kernel's shape: its last two axes times the window.
  const fans: [number, number] = transpose
    ? [filters * k * k, channels * k * k]
    : [channels * k * k, filters * k * k];
  return withModule(a, module, `${a.self}(${a.inputs[0]})`, fans, [3, 2, 0, 1]);
}

/** Code: passes values through and adds its sparsity and contractive terms. */
function code(a: TorchLayerArgs): Result<TorchLayerCode> {
  const c = a.layer.config;
  const h = a.inputs[0];
  const terms: string[] = [];
  const weight = pyValue(c.sparsity_weight);
  if (c.sparsity === 'l1') terms.push(`terms["sparsity"] = l1_term(${h}, ${weight})`);
  if (c.sparsity === 'kl')
    terms.push(`terms["sparsity"] = kl_sparsity_term(${h}, ${weight}, ${pyValue(c.target_rate)})`);
  const source = a.sourceOf(0);
  const dense = source?.class_name === 'Dense' ? a.selfOf(source.name) : null;
  if ((c.contractive_weight as number) > 0 && source && dense) {
    const act = pyValue(source.config.activation ?? 'linear');
    terms.push(
      `terms["contractive"] = contractive_term(${h}, ${dense}.weight, ${act}, ${pyValue(c.contractive_weight)})`,
    );
  }
  return identity(a, terms);
}

/** Every layer class the compiler emits (InputLayer is the model's argument, not a layer). */
export const TORCH_LAYERS: Record<string, Emitter> = {
  Dense: (a) => {
    const [fanIn, units] = [a.inShapes[0].at(-1)!, a.layer.config.units as number];
    const bias = a.layer.config.use_bias === false ? ', bias=False' : '';
    return withModule(
      a,
      `nn.Linear(${fanIn}, ${units}${bias})`,
      `${a.self}(${a.inputs[0]})`,
      [fanIn, units],
      [1, 0],
    );
  },
  TiedDense: (a) => {
    const partner = a.selfOf(a.layer.config.partner as string);
    if (!partner) return unsupported(a.layer, 'the layer it mirrors is not in the model');
    const useBias = a.layer.config.use_bias !== false;
    const value = activate(a.layer, `${a.self}(${a.inputs[0]}, ${partner}.weight)`);
    if (!value.ok) return value;
    return ok({
      module: `TiedDense(${a.outShape[0]}${useBias ? '' : ', bias=False'})`,
      value: value.value,
      weights: useBias ? [{ suffix: 'bias', param: 'bias', order: [0] }] : [],
      init: useBias ? [`nn.init.zeros_(${a.self}.bias)`] : [],
    });
  },
  Activation: (a) => {
    const value = activate(a.layer, a.inputs[0]);
    return value.ok ? ok({ value: value.value }) : value;
  },
  Dropout: (a) => ok({ module: `nn.Dropout(${pyValue(a.layer.config.rate)})`, value: call(a) }),
  GaussianNoise: (a) =>
    ok({ module: `GaussianNoise(${pyValue(a.layer.config.stddev)})`, value: call(a) }),
  MaskingNoise: (a) =>
    ok({ module: `MaskingNoise(${pyValue(a.layer.config.rate)})`, value: call(a) }),
  SaltAndPepperNoise: (a) =>
    ok({ module: `SaltAndPepperNoise(${pyValue(a.layer.config.rate)})`, value: call(a) }),
  BatchNormalization: (a) => {
    const c = a.layer.config;
    const channels = a.inShapes[0].at(-1)!;
    // Keras' moving average keeps `momentum` of the old value; torch's keeps 1 - momentum.
    const momentum = pyValue(Number((1 - (c.momentum as number)).toPrecision(12)));
    return ok({
      module: `BatchNorm(${channels}, eps=${pyValue(c.epsilon)}, momentum=${momentum})`,
      value: call(a),
      weights: [
        { suffix: 'gamma', param: 'weight', order: [0] },
        { suffix: 'beta', param: 'bias', order: [0] },
        { suffix: 'moving_mean', param: 'running_mean', order: [0] },
        { suffix: 'moving_variance', param: 'running_var', order: [0] },
      ],
    });
  },
  // Channels-last between layers, so both reshape in the order Keras and tfjs use.
  Flatten: (a) => ok({ value: `${a.inputs[0]}.reshape(${a.inputs[0]}.shape[0], -1)` }),
  Reshape: (a) =>
    ok({
      value: `${a.inputs[0]}.reshape(${a.inputs[0]}.shape[0], ${a.outShape.join(', ')})`,
    }),
  Conv2D: (a) => conv(a, false),
  Conv2DTranspose: (a) => conv(a, true),
  MaxPooling2D: (a) => {
    const c = a.layer.config;
    const args = [side(c.pool_size), side(c.strides ?? c.pool_size), pyValue(c.padding)];
    return ok({ module: `MaxPool2d(${args.join(', ')})`, value: call(a) });
  },
  UpSampling2D: (a) => ok({ value: `upsample(${a.inputs[0]}, ${side(a.layer.config.size)})` }),
  Code: code,
  Sampling: (a) => {
    const [mean, logVar] = a.inputs;
    return ok({
      value: `sample(${mean}, ${logVar}, self.training)`,
      terms: [`terms["kl"] = kl_term(${mean}, ${logVar}, ${pyValue(a.layer.config.beta)})`],
    });
  },
};

const call = (a: TorchLayerArgs) => `${a.self}(${a.inputs[0]})`;

/** The code of one layer, or a failure naming it when its class has no PyTorch form. */
export function torchLayer(a: TorchLayerArgs): Result<TorchLayerCode> {
  const emit = Object.hasOwn(TORCH_LAYERS, a.layer.class_name)
    ? TORCH_LAYERS[a.layer.class_name]
    : undefined;
  if (!emit) return unsupported(a.layer, 'PyTorch export does not know this kind of layer');
  return emit(a);
}
