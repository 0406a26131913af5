import * as tf from '@tensorflow/tfjs';
import { lifetimeKeep, type WinnerRule } from '../../../../shared/layers/winnerRule';
import { activationSlope } from './activations';

export interface CodeArgs {
  name?: string;
  trainable?: boolean;
  sparsity?: string;
  sparsityWeight?: number;
  targetRate?: number;
  contractiveWeight?: number;
  winners?: string;
  k?: number;
  lifetimeRate?: number;
}

const EPSILON = 1e-7;

/** A 0/1 mask of `flat`'s k largest values along its last axis. */
function topMask(flat: tf.Tensor2D, k: number): tf.Tensor2D {
  const { indices } = tf.topk(flat, k);
  return tf.sum(tf.oneHot(indices, flat.shape[1]), 1).asType('float32') as tf.Tensor2D;
}

/**
 * flat × mask, whose gradient is dy × mask: tfjs has no gradient for TopK, and the mask is a
 * choice, not a function to differentiate, so the winners alone receive the gradient.
 */
const keepMasked = (flat: tf.Tensor2D, mask: tf.Tensor2D): tf.Tensor2D =>
  tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [x, save] = args as [tf.Tensor, tf.GradSaveFunc];
    save([mask]);
    return {
      value: tf.mul(x, mask),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.mul(dy, saved[0]),
    };
  })(flat) as tf.Tensor2D;

/**
 * Marks the code and carries its penalties. Without winners it passes values through unchanged;
 * the penalties are computed from the tensors around it by the model's forward pass, reported as
 * loss terms. With winners (winner-take-all) it keeps only the largest values and zeroes the rest:
 * the mask holds no gradient, so the gradient reaches the winners only.
 */
export class Code extends tf.layers.Layer {
  static className = 'Code';
  readonly sparsity: 'none' | 'l1' | 'kl';
  readonly sparsityWeight: number;
  readonly targetRate: number;
  readonly contractiveWeight: number;
  readonly winners: WinnerRule;
  readonly k: number;
  readonly lifetimeRate: number;

  constructor(args: CodeArgs) {
    super({ name: args.name, trainable: args.trainable });
    this.sparsity = args.sparsity === 'l1' || args.sparsity === 'kl' ? args.sparsity : 'none';
    this.sparsityWeight = args.sparsityWeight ?? 0.001;
    this.targetRate = args.targetRate ?? 0.1;
    this.contractiveWeight = args.contractiveWeight ?? 0;
    this.winners = args.winners === 'top-k' || args.winners === 'lifetime' ? args.winners : 'none';
    this.k = Math.max(1, Math.round(args.k ?? 5));
    this.lifetimeRate = args.lifetimeRate ?? 0.05;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: tf.serialization.ConfigDict): tf.Tensor {
    const h = Array.isArray(inputs) ? inputs[0] : inputs;
    const training = kwargs?.training === true;
    if (this.winners === 'none' || (this.winners === 'lifetime' && !training)) return tf.clone(h);
    return tf.tidy(() => {
      const flat = tf.reshape(h, [h.shape[0] ?? -1, -1]) as tf.Tensor2D;
      const size = flat.shape[1];
      const mask =
        this.winners === 'top-k'
          ? topMask(flat, Math.min(this.k, size))
          : // Lifetime: per unit, its largest values over the batch (the batch is the last axis).
            tf.transpose(
              topMask(tf.transpose(flat), lifetimeKeep(this.lifetimeRate, flat.shape[0])),
            );
      return tf.reshape(keepMasked(flat, mask), h.shape);
    });
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
      winners: this.winners,
      k: this.k,
      lifetimeRate: this.lifetimeRate,
    };
  }
}
