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

/**
 * A float 0/1 mask of `flat`'s k largest values along its last axis: the same set as tf.topk's
 * indices (ties at the k-th value go to the lower index, as tf.topk, TF's top_k and ONNX TopK
 * order them), so each row has exactly k ones. With relu codes a row with fewer than k positive
 * values has its k-th value at 0: every positive value wins and the lowest-indexed zeros fill the
 * rest, so that row keeps fewer than k non-zero values.
 *
 * Only topk's values are used, and every step is a float op along the last axis: the one-hot sum
 * over the k axis that this replaced reduces an int32 tensor over a middle axis, which
 * tfjs-backend-webgpu 4.22 transposes with a shader that does not compile for int32; WebGPU then
 * drops the whole command buffer, topk's work included, and the code reads back as zeros.
 */
function topMask(flat: tf.Tensor2D, k: number): tf.Tensor2D {
  const values = tf.topk(flat, k).values;
  const kth = tf.slice(values, [0, k - 1], [-1, 1]);
  const ones = tf.onesLike(flat);
  const zeros = tf.zerosLike(flat);
  const above = tf.greater(flat, kth);
  const tied = tf.equal(flat, kth);
  // How many of the tied values still fit, and each tied value's place among them by index.
  const room = tf.sub(k, tf.sum(tf.where(above, ones, zeros), 1, true));
  const tieRank = tf.cumsum(tf.where(tied, ones, zeros), 1);
  const winners = tf.logicalOr(above, tf.logicalAnd(tied, tf.lessEqual(tieRank, room)));
  return tf.where(winners, ones, zeros);
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
