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
