import type { ParamSpec } from './types';

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
): ParamSpec => ({
  type: 'number',
  label,
  help,
  default: value,
  min: range.min,
  max: range.max,
  step: range.step ?? (range.integer ? 1 : 0.01),
  integer: range.integer ?? false,
});

export const integer = (label: string, help: string, value: number, min: number, max: number) =>
  number(label, help, value, { min, max, integer: true });

export const choice = (
  label: string,
  help: string,
  value: string,
  options: readonly string[],
): ParamSpec => ({ type: 'choice', label, help, default: value, options });

export const boolean = (label: string, help: string, value: boolean): ParamSpec => ({
  type: 'boolean',
  label,
  help,
  default: value,
});

export const activation = (value: string): ParamSpec =>
  choice('Activation', 'The function applied to each value this layer gives.', value, ACTIVATIONS);

export const rate = (label: string, help: string, value: number): ParamSpec =>
  number(label, help, value, { min: 0, max: 0.99, step: 0.05 });

/** Number of values in a shape: 784 for [28, 28, 1]. */
export const sizeOf = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

export const glorot = { class_name: 'GlorotUniform', config: { seed: null } };
export const zeros = { class_name: 'Zeros', config: {} };

/** The ways a kernel's starting weights may be drawn; the names tfjs gives its initializers. */
export const INITIALIZERS = ['glorotUniform', 'heNormal', 'randomNormal', 'zeros'] as const;
export type InitializerName = (typeof INITIALIZERS)[number];

/**
 * The initializer params of every layer with a kernel. A design saved before they existed has
 * neither, so the defaults (Glorot uniform) give it the weights it always had.
 */
export const initializerParams = (): Record<string, ParamSpec> => ({
  kernelInitializer: choice(
    'Initial weights',
    "How the weights are drawn before training: 'glorotUniform' scales them to the layer's size (the usual choice), 'heNormal' suits relu layers, 'randomNormal' draws them from a bell curve with the spread below, 'zeros' starts every weight at 0 (then all neurons of the layer learn the same thing).",
    'glorotUniform',
    INITIALIZERS,
  ),
  initStddev: number(
    'Spread (random normal)',
    "The standard deviation of the starting weights; used only when Initial weights is 'randomNormal'.",
    0.05,
    { min: 0.0001, max: 10, step: 0.01 },
  ),
});

/** The Keras kernel_initializer of a layer's resolved params (the shared export contract). */
export function kernelInitializerOf(params: Record<string, unknown>): {
  class_name: string;
  config: Record<string, unknown>;
} {
  const name = params.kernelInitializer as InitializerName;
  switch (name) {
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
    default:
      // Params that never went through resolveParams (a hand-made spec) keep the old default.
      return glorot;
  }
}
