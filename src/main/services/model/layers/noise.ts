import * as tf from '@tensorflow/tfjs';

type NoiseArgs = { name?: string; trainable?: boolean; rate?: number };

/** Base of the noise kinds: they corrupt only while training and pass values through otherwise. */
abstract class TrainingNoise extends tf.layers.Layer {
  readonly rate: number;

  constructor(args: NoiseArgs) {
    super({ name: args.name, trainable: args.trainable });
    this.rate = args.rate ?? 0.1;
  }

  protected abstract corrupt(x: tf.Tensor): tf.Tensor;

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: tf.serialization.ConfigDict): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0] : inputs;
    if (kwargs.training !== true || this.rate <= 0) return tf.clone(x);
    return tf.tidy(() => this.corrupt(x));
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), rate: this.rate };
  }
}

/** Sets a random share of the values to zero (no rescaling, unlike Dropout). */
export class MaskingNoise extends TrainingNoise {
  static className = 'MaskingNoise';
  protected corrupt(x: tf.Tensor): tf.Tensor {
    return tf.mul(x, tf.cast(tf.greaterEqual(tf.randomUniform(x.shape), this.rate), x.dtype));
  }
}

/** Sets a random share of the values to 0 or 1, half each. */
export class SaltAndPepperNoise extends TrainingNoise {
  static className = 'SaltAndPepperNoise';
  protected corrupt(x: tf.Tensor): tf.Tensor {
    const hit = tf.less(tf.randomUniform(x.shape), this.rate);
    const salt = tf.cast(tf.less(tf.randomUniform(x.shape), 0.5), x.dtype);
    return tf.where(hit, salt, x);
  }
}
