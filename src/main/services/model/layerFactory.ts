import * as tf from '@tensorflow/tfjs';
import type { KerasLayerSpec } from '../../../shared/compiler';
import { Code } from './layers/code';
import { MaskingNoise, SaltAndPepperNoise } from './layers/noise';
import { Sampling } from './layers/sampling';
import { TiedDense } from './layers/tiedDense';

type Config = Record<string, unknown>;
type Initializer = ReturnType<typeof tf.initializers.zeros>;
type Activation = Parameters<typeof tf.layers.dense>[0]['activation'];
const pair = (v: unknown) => (Array.isArray(v) ? (v as number[]) : [v as number, v as number]);

/** The common fields of every layer. */
const base = (c: Config) => ({ name: c.name as string, trainable: c.trainable !== false });

/** The spread of a standard normal cut at two deviations (Keras' VarianceScaling constant). */
const TRUNCATED_SPREAD = 0.87962566103423978;

/** A stable seed per layer, so layers of one model differ and a given run seed repeats them. */
export function layerSeed(seed: number, name: string): number {
  let h = seed >>> 0;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * The tfjs initializer of a Keras kernel_initializer entry. Without a seed tfjs draws from
 * Math.random, so two builds of one design would start from different weights.
 */
export function kernelInitializer(entry: unknown, seed?: number): Initializer {
  const { class_name: name, config = {} } = (entry ?? {}) as {
    class_name?: string;
    config?: Config;
  };
  switch (name) {
    case undefined:
    case 'GlorotUniform':
      return tf.initializers.glorotUniform({ seed });
    case 'HeNormal':
      // Keras widens the normal so that, cut at two deviations, it keeps a spread of
      // sqrt(2 / fan in); tfjs' heNormal does not (its spread measures 0.88 of that).
      return tf.initializers.varianceScaling({
        scale: 2 / TRUNCATED_SPREAD ** 2,
        mode: 'fanIn',
        distribution: 'normal',
        seed,
      });
    case 'RandomNormal':
      return tf.initializers.randomNormal({
        mean: (config.mean as number | undefined) ?? 0,
        stddev: (config.stddev as number | undefined) ?? 0.05,
        seed,
      });
    case 'Zeros':
      return tf.initializers.zeros();
    default:
      throw new Error(`No tfjs initializer for the Keras initializer '${name}'.`);
  }
}

/** The kernel's initializer, seeded from the run seed and the layer's name when one is given. */
const kernelOf = (c: Config, seed: number | undefined) =>
  kernelInitializer(
    c.kernel_initializer,
    seed === undefined ? undefined : layerSeed(seed, c.name as string),
  );

const conv = (c: Config, seed: number | undefined) => ({
  ...base(c),
  kernelInitializer: kernelOf(c, seed),
  filters: c.filters as number,
  kernelSize: pair(c.kernel_size),
  strides: pair(c.strides),
  padding: c.padding as 'same' | 'valid',
  activation: c.activation as Activation,
  useBias: c.use_bias !== false,
});

/**
 * Makes the tfjs layer a spec entry describes (InputLayer is handled by the builder). With a seed,
 * its starting weights are the same on every build.
 */
export function createLayer(spec: KerasLayerSpec, seed?: number): tf.layers.Layer {
  const c = spec.config;
  switch (spec.class_name) {
    case 'Dense':
      return tf.layers.dense({
        ...base(c),
        units: c.units as number,
        activation: c.activation as Activation,
        useBias: c.use_bias !== false,
        kernelInitializer: kernelOf(c, seed),
      });
    case 'TiedDense':
      return new TiedDense({
        ...base(c),
        units: c.units as number,
        partner: c.partner as string,
        activation: c.activation as string,
        useBias: c.use_bias !== false,
      });
    case 'Activation':
      return tf.layers.activation({ ...base(c), activation: c.activation as Activation & string });
    case 'Dropout':
      return tf.layers.dropout({ ...base(c), rate: c.rate as number });
    case 'GaussianNoise':
      return tf.layers.gaussianNoise({ ...base(c), stddev: c.stddev as number });
    case 'MaskingNoise':
      return new MaskingNoise({ ...base(c), rate: c.rate as number });
    case 'SaltAndPepperNoise':
      return new SaltAndPepperNoise({ ...base(c), rate: c.rate as number });
    case 'BatchNormalization':
      return tf.layers.batchNormalization({
        ...base(c),
        axis: -1,
        momentum: c.momentum as number,
        epsilon: c.epsilon as number,
      });
    case 'Flatten':
      return tf.layers.flatten(base(c));
    case 'Reshape':
      return tf.layers.reshape({ ...base(c), targetShape: c.target_shape as number[] });
    case 'Conv2D':
      return tf.layers.conv2d(conv(c, seed));
    case 'Conv2DTranspose':
      return tf.layers.conv2dTranspose(conv(c, seed));
    case 'MaxPooling2D':
      return tf.layers.maxPooling2d({
        ...base(c),
        poolSize: pair(c.pool_size) as [number, number],
        strides: pair(c.strides) as [number, number],
        padding: c.padding as 'same' | 'valid',
      });
    case 'UpSampling2D':
      return tf.layers.upSampling2d({ ...base(c), size: pair(c.size) });
    case 'Code':
      return new Code({
        ...base(c),
        sparsity: c.sparsity as string,
        sparsityWeight: c.sparsity_weight as number,
        targetRate: c.target_rate as number,
        contractiveWeight: c.contractive_weight as number,
      });
    case 'Sampling':
      return new Sampling({ ...base(c), beta: c.beta as number });
    default:
      throw new Error(`No tfjs layer for the Keras class '${spec.class_name}'.`);
  }
}
