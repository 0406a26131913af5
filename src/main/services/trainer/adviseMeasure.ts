import * as tf from '@tensorflow/tfjs';
import type { RunMeasurements } from '../../../shared/advisor/measurements';
import { seededRandom } from '../../../shared/util/random';
import type { BuiltModel } from '../model';
import { withScope } from './scope';

/** A code value whose range over all samples is under this gives no information (dead). */
const DEAD_RANGE = 1e-6;
const NOISE_SEED = 1234;

/** Share of values within 0.1 of the ends (binary) and strictly inside (grey). */
function pixelShares(values: ArrayLike<number>): { binary: number; grey: number } {
  let binary = 0;
  let grey = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v <= 0.1 || v >= 0.9) binary++;
    else grey++;
  }
  const n = Math.max(1, values.length);
  return { binary: binary / n, grey: grey / n };
}

/** 1 - MSE(x, y) / variance of x around its per-value mean over samples. */
function rSquared(x: tf.Tensor2D, y: tf.Tensor2D): number {
  const mse = tf.mean(tf.squaredDifference(x, y)).dataSync()[0];
  const variance = tf.mean(tf.squaredDifference(x, tf.mean(x, 0, true))).dataSync()[0];
  return variance > 0 ? 1 - mse / variance : 0;
}

/** The activation of the Dense that sets the code's values (through a Code node), or null. */
function codeActivation(built: BuiltModel): string | null {
  const layers = built.spec.config.layers;
  let entry = layers.find((l) => l.name === built.spec.studio.codeLayer);
  if (entry?.class_name === 'Code')
    entry = layers.find((l) => l.name === entry!.inbound_nodes[0]?.[0]?.[0]);
  if (entry?.class_name === 'Sampling') return 'linear';
  const activation = entry?.config.activation;
  return typeof activation === 'string' ? activation : null;
}

/** Mean KL to the standard normal of each code value of a variational model; null for others. */
function klPerUnit(built: BuiltModel, x: tf.Tensor): number[] | null {
  const sampling = built.spec.config.layers.find((l) => l.class_name === 'Sampling');
  const [meanName, logVarName] = (sampling?.inbound_nodes[0] ?? []).map((n) => n[0]);
  if (!meanName || !logVarName) return null;
  const tensorOf = (name: string) => built.model.getLayer(name).getOutputAt(0) as tf.SymbolicTensor;
  const probe = tf.model({
    inputs: built.model.inputs,
    outputs: [tensorOf(meanName), tensorOf(logVarName)],
  });
  const [mean, logVar] = probe.predict(x) as tf.Tensor[];
  const count = mean.shape[0] ?? 1;
  const m = tf.reshape(mean, [count, -1]);
  const lv = tf.reshape(logVar, [count, -1]);
  const kl = tf.mul(0.5, tf.sub(tf.add(tf.square(m), tf.exp(lv)), tf.add(1, lv)));
  return Array.from(tf.mean(kl, 0).dataSync());
}

/** What the advisor reads about a model, measured on `count` samples (inference mode). */
export function measureForAdvice(
  built: BuiltModel,
  images: Float32Array,
  count: number,
): RunMeasurements {
  return withScope(() => {
    const size = built.inputSize;
    const x = tf.tensor2d(images, [count, size]);
    const predict = (t: tf.Tensor2D) =>
      tf.reshape(
        built.model.predict(tf.reshape(t, [count, ...built.inputShape]), {
          batchSize: count,
        }) as tf.Tensor,
        [count, -1],
      ) as tf.Tensor2D;
    const recon = predict(x);
    const reconstruct = built.task === 'reconstruct' && recon.shape[1] === size;
    const input = pixelShares(images);
    const codes = tf.reshape(
      built.encoder.predict(tf.reshape(x, [count, ...built.inputShape]), {
        batchSize: count,
      }) as tf.Tensor,
      [count, -1],
    );
    const range = tf.sub(tf.max(codes, 0), tf.min(codes, 0)).dataSync();
    const deadCodeUnits = reconstruct
      ? Array.from(range).flatMap((r, i) => (r <= DEAD_RANGE ? [i] : []))
      : [];
    let noiseR2: number | null = null;
    if (reconstruct) {
      // Each value drawn in the range that value takes over the samples: noise where the data
      // varies, the data's constant where it never does (a digit's empty border stays empty).
      const low = tf.min(x, 0).dataSync();
      const high = tf.max(x, 0).dataSync();
      const random = seededRandom(NOISE_SEED);
      const noise = new Float32Array(count * size);
      for (let i = 0; i < noise.length; i++) {
        const j = i % size;
        noise[i] = low[j] + (high[j] - low[j]) * random();
      }
      const n = tf.tensor2d(noise, [count, size]);
      noiseR2 = rSquared(n, predict(n));
    }
    return {
      task: built.task,
      loss: built.loss,
      inputSize: size,
      codeSize: built.codeSize,
      samples: count,
      inputBinaryShare: input.binary,
      inputGreyShare: input.grey,
      reconGreyShare: reconstruct ? pixelShares(recon.dataSync()).grey : 0,
      reconR2: reconstruct ? rSquared(x, recon) : 0,
      noiseR2,
      deadCodeUnits,
      codeActivation: codeActivation(built),
      klPerUnit: klPerUnit(built, tf.reshape(x, [count, ...built.inputShape])),
    };
  });
}
