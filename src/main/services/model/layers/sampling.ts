import * as tf from '@tensorflow/tfjs';

/**
 * The VAE's reparameterization: z = mean + exp(logVar / 2) * eps while training, so gradients
 * reach the mean and the spread; the mean itself at inference, so a reconstruction is steady.
 */
export class Sampling extends tf.layers.Layer {
  static className = 'Sampling';
  readonly beta: number;

  constructor(args: { name?: string; trainable?: boolean; beta?: number }) {
    super({ name: args.name, trainable: args.trainable });
    this.beta = args.beta ?? 1;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: tf.serialization.ConfigDict): tf.Tensor {
    return tf.tidy(() => {
      const [mean, logVar] = inputs as tf.Tensor[];
      if (kwargs.training !== true) return tf.clone(mean);
      const eps = tf.randomNormal(mean.shape);
      return tf.add(mean, tf.mul(tf.exp(tf.mul(logVar, 0.5)), eps));
    });
  }

  /** beta × KL(N(mean, exp(logVar)) || N(0, 1)), summed over the code and averaged over the batch. */
  klTerm(mean: tf.Tensor, logVar: tf.Tensor): tf.Scalar {
    return tf.tidy(() => {
      const perValue = tf.sub(tf.add(1, logVar), tf.add(tf.square(mean), tf.exp(logVar)));
      const perSample = tf.mul(-0.5, tf.sum(perValue, -1));
      return tf.mul(this.beta, tf.mean(perSample)) as tf.Scalar;
    });
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    return (inputShape as tf.Shape[])[0];
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), beta: this.beta };
  }
}
