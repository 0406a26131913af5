import * as tf from '@tensorflow/tfjs';
import type { KerasLayerSpec } from '../../../shared/compiler';
import { Code } from './layers/code';
import { MaskingNoise, SaltAndPepperNoise } from './layers/noise';
import { Sampling } from './layers/sampling';
import { TiedDense } from './layers/tiedDense';

type Config = Record<string, unknown>;
type Activation = Parameters<typeof tf.layers.dense>[0]['activation'];
const pair = (v: unknown) => (Array.isArray(v) ? (v as number[]) : [v as number, v as number]);

/** The common fields of every layer. */
const base = (c: Config) => ({ name: c.name as string, trainable: c.trainable !== false });

const conv = (c: Config) => ({
  ...base(c),
  filters: c.filters as number,
  kernelSize: pair(c.kernel_size),
  strides: pair(c.strides),
  padding: c.padding as 'same' | 'valid',
  activation: c.activation as Activation,
  useBias: c.use_bias !== false,
});

/** Makes the tfjs layer a spec entry describes (InputLayer is handled by the builder). */
export function createLayer(spec: KerasLayerSpec): tf.layers.Layer {
  const c = spec.config;
  switch (spec.class_name) {
    case 'Dense':
      return tf.layers.dense({
        ...base(c),
        units: c.units as number,
        activation: c.activation as Activation,
        useBias: c.use_bias !== false,
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
      return tf.layers.conv2d(conv(c));
    case 'Conv2DTranspose':
      return tf.layers.conv2dTranspose(conv(c));
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
