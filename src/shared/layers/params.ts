import { z } from 'zod';
import type {
  BooleanParam,
  ChoiceParam,
  IntListParam,
  NodeRefParam,
  NumberParam,
  ParamSpec,
} from './types';
import type { NodeKind } from '../graph/document';

/** The activations a Dense-like layer offers, each of which Keras and tfjs know by this name. */
export const ACTIVATIONS = [
  'linear',
  'relu',
  'sigmoid',
  'tanh',
  'elu',
  'selu',
  'softplus',
] as const;

export const number = (
  label: string,
  help: string,
  value: number,
  range: { min: number; max: number; step?: number; integer?: boolean },
): NumberParam => {
  const base = range.integer ? z.number().int() : z.number();
  return {
    type: 'number',
    label,
    help,
    default: value,
    min: range.min,
    max: range.max,
    step: range.step ?? (range.integer ? 1 : 0.01),
    integer: range.integer ?? false,
    schema: base.min(range.min).max(range.max),
  };
};

export const integer = (label: string, help: string, value: number, min: number, max: number) =>
  number(label, help, value, { min, max, integer: true });

export const choice = <const O extends string>(
  label: string,
  help: string,
  value: NoInfer<O>,
  options: readonly O[],
): ChoiceParam<O> => ({
  type: 'choice',
  label,
  help,
  default: value,
  options,
  schema: z.custom<O>((v) => typeof v === 'string' && (options as readonly string[]).includes(v)),
});

export const boolean = (label: string, help: string, value: boolean): BooleanParam => ({
  type: 'boolean',
  label,
  help,
  default: value,
  schema: z.boolean(),
});

export const intList = (
  label: string,
  help: string,
  value: number[],
  limits: { minLength: number; maxLength: number; min: number; max: number },
): IntListParam => ({
  type: 'intList',
  label,
  help,
  default: value,
  ...limits,
  schema: z
    .array(z.number().int().min(limits.min).max(limits.max))
    .min(limits.minLength)
    .max(limits.maxLength),
});

export const nodeRef = (label: string, help: string, refKind: NodeKind): NodeRefParam => ({
  type: 'nodeRef',
  label,
  help,
  default: null,
  refKind,
  schema: z.string().nullable(),
});

export const activation = (value: (typeof ACTIVATIONS)[number]) =>
  choice('Activation', 'The function applied to each value this layer gives.', value, ACTIVATIONS);

export const rate = (label: string, help: string, value: number): NumberParam =>
  number(label, help, value, { min: 0, max: 0.99, step: 0.05 });

/** Number of values in a shape: 784 for [28, 28, 1]. */
export const sizeOf = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

export const glorot = { class_name: 'GlorotUniform', config: { seed: null } };
export const zeros = { class_name: 'Zeros', config: {} };

/** The ways a kernel's starting weights may be drawn; the names tfjs gives its initializers. */
export const INITIALIZERS = ['glorotUniform', 'heNormal', 'randomNormal', 'zeros'] as const;
export type InitializerName = (typeof INITIALIZERS)[number];

const DEFAULT_STDDEV = 0.05;

/**
 * The initializer params of every layer with a kernel. A design saved before they existed has
 * neither, so the defaults (Glorot uniform) give it the weights it always had.
 */
export const initializerParams = () => ({
  kernelInitializer: choice(
    'Initial weights',
    "How the weights are drawn before training: 'glorotUniform' scales them to the layer's size (the usual choice), 'heNormal' suits relu layers, 'randomNormal' draws them from a bell curve with the spread below, 'zeros' starts every weight at 0 (then all neurons of the layer learn the same thing).",
    'glorotUniform',
    INITIALIZERS,
  ),
  initStddev: number(
    'Spread (random normal)',
    "The standard deviation of the starting weights; used only when Initial weights is 'randomNormal'.",
    DEFAULT_STDDEV,
    { min: 0.0001, max: 10, step: 0.01 },
  ),
});

/** The Keras kernel_initializer of a layer's resolved params (the shared export contract). */
export function kernelInitializerOf(params: {
  kernelInitializer?: unknown;
  initStddev?: unknown;
}): { class_name: string; config: Record<string, unknown> } {
  switch (params.kernelInitializer as InitializerName | undefined) {
    case 'heNormal':
      return { class_name: 'HeNormal', config: { seed: null } };
    case 'randomNormal':
      return {
        class_name: 'RandomNormal',
        config: { mean: 0, stddev: params.initStddev, seed: null },
      };
    case 'zeros':
      return zeros;
    case 'glorotUniform':
    case undefined:
      return glorot;
  }
  // Params that never went through resolveParams (a hand-made spec) keep the old default.
  return glorot;
}

/** Close enough for a scale written out as a decimal by another program. */
const near = (a: unknown, b: number) => typeof a === 'number' && Math.abs(a - b) < 1e-3 * b;

/** The spread of a standard normal cut at two deviations (Keras' VarianceScaling constant). */
export const TRUNCATED_SPREAD = 0.87962566103423978;

/**
 * The initializer params of a saved kernel_initializer, in Keras' names (GlorotUniform) or as
 * tfjs saves them (VarianceScaling with Glorot's or the app's He settings, camel-cased or not);
 * null when the app has no such choice.
 */
export function initializerFromKeras(
  entry: unknown,
): { kernelInitializer: InitializerName; initStddev: number } | null {
  const plain = (kernelInitializer: InitializerName, initStddev = DEFAULT_STDDEV) => ({
    kernelInitializer,
    initStddev,
  });
  if (entry === undefined || entry === null) return plain('glorotUniform');
  if (typeof entry === 'string') {
    const named: Record<string, InitializerName> = {
      glorot_uniform: 'glorotUniform',
      glorotUniform: 'glorotUniform',
      he_normal: 'heNormal',
      heNormal: 'heNormal',
      zeros: 'zeros',
    };
    return Object.hasOwn(named, entry) ? plain(named[entry]) : null;
  }
  if (typeof entry !== 'object') return null;
  const e = entry as Record<string, unknown>;
  const name = e.class_name ?? e.className;
  const c = (e.config ?? {}) as Record<string, unknown>;
  const mode = String(c.mode ?? '')
    .replace('_', '')
    .toLowerCase();
  const dist = String(c.distribution ?? '').toLowerCase();
  switch (name) {
    case 'GlorotUniform':
      return plain('glorotUniform');
    case 'HeNormal':
      return plain('heNormal');
    case 'Zeros':
      return plain('zeros');
    case 'RandomNormal': {
      const stddev = c.stddev ?? DEFAULT_STDDEV;
      const mean = c.mean ?? 0;
      return typeof stddev === 'number' && mean === 0 ? plain('randomNormal', stddev) : null;
    }
    case 'VarianceScaling':
      if (near(c.scale, 1) && mode === 'fanavg' && dist === 'uniform')
        return plain('glorotUniform');
      // Keras' own He normal (scale 2, truncated) or the app's tfjs form of it (scale widened).
      if (
        (near(c.scale, 2) || near(c.scale, 2 / TRUNCATED_SPREAD ** 2)) &&
        mode === 'fanin' &&
        (dist === 'normal' || dist === 'truncatednormal' || dist === 'truncated_normal')
      )
        return plain('heNormal');
      return null;
    default:
      return null;
  }
}

/** The parameter kinds a rule sentence names, for messages such as "must be a whole number". */
export function ruleOf(spec: ParamSpec): string {
  switch (spec.type) {
    case 'number': {
      const whole = spec.integer ? 'a whole number' : 'a number';
      return `must be ${whole} from ${spec.min} to ${spec.max}`;
    }
    case 'choice':
      return `must be one of ${spec.options.join(', ')}`;
    case 'boolean':
      return 'must be on or off';
    case 'intList':
      return `must be ${spec.minLength} to ${spec.maxLength} whole numbers from ${spec.min} to ${spec.max}`;
    case 'nodeRef':
      return 'must name a node';
  }
}
