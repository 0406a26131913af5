/**
 * What the kinds' Keras-script and PyTorch-script emitters share: activations, initializers and
 * a kernel with its bias, written the way Keras and torch spell them.
 */
import type { KerasLayerSpec } from '../compiler/spec';
import { fail, ok, type Result } from '../contract/result';
import { pyCall, pyKwargs, pyValue } from '../export/python';
import type { TorchLayerArgs, TorchLayerCode, TorchWeight } from './bindingTypes';

/** A square window's side from Keras' [h, w] or a single number. */
export const side = (v: unknown): number => (Array.isArray(v) ? (v[0] as number) : (v as number));

/** The activation argument of a Keras call; linear, Keras' default, is left out. */
export const activationArg = (a: unknown) => (a === 'linear' || a === undefined ? undefined : a);

/**
 * The kernel_initializer argument from a layer's Keras config (the shared initializer contract);
 * Glorot uniform, Keras' own default, is left out.
 */
export function initializerArg(init: unknown): string[] {
  if (!init || typeof init !== 'object') return [];
  const { class_name: name, config } = init as {
    class_name?: string;
    config?: Record<string, unknown>;
  };
  switch (name) {
    case 'HeNormal':
      return ['kernel_initializer=keras.initializers.HeNormal()'];
    case 'RandomNormal':
      return [
        `kernel_initializer=${pyCall('keras.initializers.RandomNormal', pyKwargs({ mean: config?.mean ?? 0, stddev: config?.stddev ?? 0.05 }))}`,
      ];
    case 'Zeros':
      return ['kernel_initializer="zeros"'];
    default:
      return [];
  }
}

const TORCH_ACTIVATIONS: Record<string, (x: string) => string> = {
  linear: (x) => x,
  relu: (x) => `torch.relu(${x})`,
  sigmoid: (x) => `torch.sigmoid(${x})`,
  tanh: (x) => `torch.tanh(${x})`,
  elu: (x) => `F.elu(${x})`,
  selu: (x) => `F.selu(${x})`,
  softplus: (x) => `F.softplus(${x})`,
  softmax: (x) => `torch.softmax(${x}, dim=-1)`,
};

/** A failure naming the layer and what PyTorch export lacks for it. */
export const torchUnsupported = (layer: KerasLayerSpec, what: string) =>
  fail<never>(
    'E_UNSUPPORTED',
    `The layer '${layer.name}' (${layer.class_name}) cannot be written as PyTorch code: ${what}.`,
  );

/** The layer's activation applied to `x`, or a failure naming an activation torch lacks here. */
export function torchActivate(layer: KerasLayerSpec, x: string): Result<string> {
  const name = (layer.config.activation as string | undefined) ?? 'linear';
  const apply = Object.hasOwn(TORCH_ACTIVATIONS, name) ? TORCH_ACTIVATIONS[name] : undefined;
  return apply ? ok(apply(x)) : torchUnsupported(layer, `the activation '${name}' is unknown`);
}

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
      return torchUnsupported(layer, `the initializer '${String(spec.class_name)}' is unknown`);
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
export function torchWithModule(
  a: TorchLayerArgs,
  module: string,
  call: string,
  fans: [number, number],
  kernelOrder: number[],
): Result<TorchLayerCode> {
  const value = torchActivate(a.layer, call);
  if (!value.ok) return value;
  const params = kernelAndBias(a, kernelOrder, ...fans);
  if (!params.ok) return params;
  return ok({ module, value: value.value, ...params.value });
}

/** `self.<layer>(input)`: the module applied to the layer's one input. */
export const torchCall = (a: TorchLayerArgs) => `${a.self}(${a.inputs[0]})`;

/** A layer without a module that passes its input on, adding loss terms. */
export const torchIdentity = (a: TorchLayerArgs, terms?: string[]): Result<TorchLayerCode> =>
  ok({ value: a.inputs[0], terms });

/** A stateless module with its one constructor argument: `MaskingNoise(0.3)`. */
export const torchModule = (a: TorchLayerArgs, module: string): Result<TorchLayerCode> =>
  ok({ module, value: torchCall(a) });

/** The decorator that lets Keras save and load the app's own layers by name. */
export const PY_REGISTER =
  '@keras.saving.register_keras_serializable(package="autoencoder_studio")';

/** A kernel and, unless switched off, a bias: the weights of Dense and the convolutions. */
export const kernelAndBiasNames = (config: Record<string, unknown>): string[] =>
  config.use_bias === false ? ['kernel'] : ['kernel', 'bias'];

/** A whole positive number, else null: a kernel's size that does not divide is a misfit. */
export const whole = (n: number): number | null => (Number.isInteger(n) && n > 0 ? n : null);
