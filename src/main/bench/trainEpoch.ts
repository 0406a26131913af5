import * as tf from '@tensorflow/tfjs';

/** Binary cross-entropy of a sigmoid output, clipped as Keras clips it. */
export const binaryCrossEntropy = (target: tf.Tensor, output: tf.Tensor): tf.Scalar =>
  tf.tidy(() => {
    const p = output.clipByValue(1e-7, 1 - 1e-7);
    return target
      .mul(p.log())
      .add(tf.scalar(1).sub(target).mul(tf.scalar(1).sub(p).log()))
      .mean()
      .neg() as tf.Scalar;
  });

/**
 * One epoch of a plain training loop (no model.fit): per batch, a slice of the data already on
 * the backend, tf.variableGrads and the optimizer's update, all inside one tidy. Nothing is read
 * back until the end, so the loop never waits on the backend. Returns the last batch's loss.
 */
export const trainEpoch = (
  model: tf.LayersModel,
  data: tf.Tensor,
  optimizer: tf.Optimizer,
  batchSize: number,
  loss: (output: tf.Tensor, target: tf.Tensor) => tf.Scalar = (output, target) =>
    binaryCrossEntropy(target, output),
): number => {
  const count = data.shape[0];
  const weights = model.trainableWeights.map((w) => w.read() as tf.Variable);
  let last: tf.Scalar | null = null;
  for (let start = 0; start < count; start += batchSize) {
    const size = Math.min(batchSize, count - start);
    const value = tf.tidy(() => {
      const batch = data.slice(start, size);
      const { value: batchLoss, grads } = tf.variableGrads(
        () => loss(model.apply(batch, { training: true }) as tf.Tensor, batch),
        weights,
      );
      optimizer.applyGradients(grads);
      return batchLoss;
    });
    last?.dispose();
    last = value;
  }
  const result = last ? last.dataSync()[0] : NaN;
  last?.dispose();
  return result;
};
