import * as tf from '@tensorflow/tfjs';
import { activationSlope } from './activations';

export interface CodeArgs {
  name?: string;
  trainable?: boolean;
  sparsity?: string;
  sparsityWeight?: number;
  targetRate?: number;
  contractiveWeight?: number;
}

const EPSILON = 1e-7;

/**
 * Marks the code and carries its penalties. It passes values through unchanged; the penalties are
 * computed from the tensors around it by the model's forward pass, reported as loss terms.
 */
export class Code extends tf.layers.Layer {
  static className = 'Code';
  readonly sparsity: 'none' | 'l1' | 'kl';
  readonly sparsityWeight: number;
  readonly targetRate: number;
  readonly contractiveWeight: number;

  constructor(args: CodeArgs) {
    super({ name: args.name, trainable: args.trainable });
    this.sparsity = args.sparsity === 'l1' || args.sparsity === 'kl' ? args.sparsity : 'none';
    this.sparsityWeight = args.sparsityWeight ?? 0.001;
    this.targetRate = args.targetRate ?? 0.1;
    this.contractiveWeight = args.contractiveWeight ?? 0;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.clone(Array.isArray(inputs) ? inputs[0] : inputs);
  }

  /** L1: weight × batch mean of Σ|h|. KL: weight × Σ_j KL(target || batch-mean activation of j). */
  sparsityTerm(h: tf.Tensor): tf.Scalar | null {
    if (this.sparsity === 'none') return null;
    return tf.tidy(() => {
      const flat = tf.reshape(h, [h.shape[0], -1]);
      if (this.sparsity === 'l1') {
        return tf.mul(this.sparsityWeight, tf.mean(tf.sum(tf.abs(flat), -1))) as tf.Scalar;
      }
      const rho = this.targetRate;
      const rhoHat = tf.clipByValue(tf.mean(flat, 0), EPSILON, 1 - EPSILON);
      const kl = tf.add(
        tf.mul(rho, tf.log(tf.div(rho, rhoHat))),
        tf.mul(1 - rho, tf.log(tf.div(1 - rho, tf.sub(1, rhoHat)))),
      );
      return tf.mul(this.sparsityWeight, tf.sum(kl)) as tf.Scalar;
    });
  }

  /**
   * λ × batch mean of ‖∂h/∂x‖²_F for h = act(xW + b): Σ_j (∂h_j/∂a_j)² Σ_i W_ij², the closed
   * form for a Dense code layer.
   */
  contractiveTerm(h: tf.Tensor, kernel: tf.Tensor, activation: string): tf.Scalar | null {
    if (!(this.contractiveWeight > 0)) return null;
    return tf.tidy(() => {
      const slope = tf.square(activationSlope(activation, h));
      const columnNorms = tf.sum(tf.square(kernel), 0);
      const perSample = tf.sum(tf.mul(slope, columnNorms), -1);
      return tf.mul(this.contractiveWeight, tf.mean(perSample)) as tf.Scalar;
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      sparsity: this.sparsity,
      sparsityWeight: this.sparsityWeight,
      targetRate: this.targetRate,
      contractiveWeight: this.contractiveWeight,
    };
  }
}
