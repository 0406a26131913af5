import * as tf from '@tensorflow/tfjs';
import { applyActivation } from './activations';

export interface TiedDenseArgs {
  name?: string;
  trainable?: boolean;
  units: number;
  /** The partner Dense layer's name. Wrapped as {name} in saved configs, which tfjs keeps verbatim. */
  partner: string | { name: string };
  activation?: string;
  useBias?: boolean;
}

/**
 * A Dense layer whose kernel is the transpose of a partner Dense layer's kernel: it owns only its
 * bias, and gradients through it reach the partner's kernel. The partner is linked by name after
 * the model is built or loaded (linkTiedLayers), because a config can hold names, not layers.
 */
export class TiedDense extends tf.layers.Layer {
  static className = 'TiedDense';
  readonly units: number;
  readonly partnerName: string;
  readonly activation: string;
  readonly useBias: boolean;
  partner: tf.layers.Layer | null = null;
  private bias: tf.LayerVariable | null = null;

  constructor(args: TiedDenseArgs) {
    super({ name: args.name, trainable: args.trainable });
    this.units = args.units;
    this.partnerName = typeof args.partner === 'string' ? args.partner : args.partner.name;
    this.activation = args.activation ?? 'linear';
    this.useBias = args.useBias ?? true;
  }

  override build(): void {
    if (this.useBias) {
      this.bias = this.addWeight('bias', [this.units], 'float32', tf.initializers.zeros());
    }
    this.built = true;
  }

  /** The partner's kernel variable, [units, inputSize] of this layer. */
  partnerKernel(): tf.Tensor {
    const kernel = this.partner?.trainableWeights[0] ?? this.partner?.weights[0];
    if (!kernel) {
      throw new Error(
        `TiedDense '${this.name}' is not linked to its partner '${this.partnerName}'.`,
      );
    }
    return kernel.read();
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      let y = tf.matMul(x as tf.Tensor2D, this.partnerKernel() as tf.Tensor2D, false, true);
      if (this.bias) y = tf.add(y, this.bias.read());
      return applyActivation(this.activation, y);
    });
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    return [...shape.slice(0, -1), this.units];
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      units: this.units,
      partner: { name: this.partnerName },
      activation: this.activation,
      useBias: this.useBias,
    };
  }
}

/** Points every TiedDense of a model at its partner layer; call after building or loading. */
export function linkTiedLayers(model: tf.LayersModel): void {
  for (const layer of model.layers) {
    if (layer instanceof TiedDense) layer.partner = model.getLayer(layer.partnerName);
  }
}
