import * as tf from '@tensorflow/tfjs';
import { hostBackendName } from './memory';
import { fastPathDecision } from '../testedVersions';
import {
  EPSILON,
  bceGradKernel,
  bceKernel,
  mseGradKernel,
  mseKernel,
  type Wrt,
} from './lossKernels';

/**
 * Reconstruction losses as one registered kernel each (and one for each gradient), on the wasm and
 * cpu backends. Composed of tfjs ops, the clipped binary cross-entropy costs about ten kernels
 * forward and as many backward, each a pass over a batch of images; fused, it is one pass each way.
 */

const BCE = 'StudioFusedBinaryCrossEntropy';
const MSE = 'StudioFusedMeanSquaredError';
const gradName = (kernel: string): string => `${kernel}Grad`;

let registered = false;

/** Registers the kernels and their gradients once. */
const ensureRegistered = (): void => {
  if (registered) return;
  registered = true;
  const kernels: Array<[string, tf.KernelFunc]> = [
    [BCE, bceKernel],
    [gradName(BCE), bceGradKernel],
    [MSE, mseKernel],
    [gradName(MSE), mseGradKernel],
  ];
  for (const backendName of ['wasm', 'cpu'])
    for (const [kernelName, kernelFunc] of kernels)
      if (!tf.getKernel(kernelName, backendName))
        tf.registerKernel({ kernelName, backendName, kernelFunc });
  for (const kernelName of [BCE, MSE])
    tf.registerGradient({
      kernelName,
      inputsToSave: ['pred', 'target'],
      gradFunc: (dy, saved) => {
        const [pred, target] = saved;
        const grad = (wrt: Wrt) => () =>
          tf.engine().runKernel(
            gradName(kernelName),
            { dy: dy as tf.Tensor, pred, target },
            {
              wrt,
            },
          ) as tf.Tensor;
        return { pred: grad('pred'), target: grad('target') };
      },
    });
};

/**
 * Whether the fused kernels can take these tensors: same shape, float32, on wasm or cpu of the
 * tested tfjs release (the kernels read backend memory directly).
 */
const canFuse = (pred: tf.Tensor, target: tf.Tensor): boolean =>
  hostBackendName() !== null &&
  fastPathDecision().ok &&
  pred.dtype === 'float32' &&
  target.dtype === 'float32' &&
  pred.size > 0 &&
  tf.util.arraysEqual(pred.shape, target.shape);

/** The composed formula, as Keras defines it; used where the fused kernel cannot run. */
export const plainBinaryCrossEntropy = (pred: tf.Tensor, target: tf.Tensor): tf.Scalar =>
  tf.tidy(() => {
    const p = tf.clipByValue(pred, EPSILON, 1 - EPSILON);
    const perValue = tf.add(
      tf.mul(target, tf.log(p)),
      tf.mul(tf.sub(1, target), tf.log(tf.sub(1, p))),
    );
    return tf.neg(tf.mean(perValue)) as tf.Scalar;
  });

/** The composed mean squared error; used where the fused kernel cannot run. */
export const plainMeanSquaredError = (pred: tf.Tensor, target: tf.Tensor): tf.Scalar =>
  tf.tidy(() => tf.mean(tf.squaredDifference(pred, target)) as tf.Scalar);

/** Mean binary cross-entropy of probabilities `pred` against `target` (clipped as Keras does). */
export const fusedBinaryCrossEntropy = (pred: tf.Tensor, target: tf.Tensor): tf.Scalar => {
  if (!canFuse(pred, target)) return plainBinaryCrossEntropy(pred, target);
  ensureRegistered();
  return tf.engine().runKernel(BCE, { pred, target }) as tf.Scalar;
};

/** Mean squared error of `pred` against `target`. */
export const fusedMeanSquaredError = (pred: tf.Tensor, target: tf.Tensor): tf.Scalar => {
  if (!canFuse(pred, target)) return plainMeanSquaredError(pred, target);
  ensureRegistered();
  return tf.engine().runKernel(MSE, { pred, target }) as tf.Scalar;
};
