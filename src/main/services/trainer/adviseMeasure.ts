import * as tf from '@tensorflow/tfjs';
import type { RunMeasurements } from '../../../shared/advisor/measurements';
import { seededRandom } from '../../../shared/util/random';
import type { BuiltModel } from '../model';
import { readScoped } from './scope';

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

/** [MSE(x, y), variance of x around its per-value mean over samples]: see rSquared. */
const rSquaredParts = (x: tf.Tensor2D, y: tf.Tensor2D): tf.Tensor[] => [
  tf.mean(tf.squaredDifference(x, y)),
  tf.mean(tf.squaredDifference(x, tf.mean(x, 0, true))),
];

/** 1 - MSE(x, y) / variance of x, from rSquaredParts' two values as read. */
const rSquared = ([mse, variance]: number[]): number => (variance > 0 ? 1 - mse / variance : 0);

/** Each value's lowest and highest over the samples: what tf.min and tf.max over axis 0 give. */
function rangeOverSamples(images: Float32Array, count: number, size: number) {
  const low = images.slice(0, size);
  const high = images.slice(0, size);
  for (let i = size; i < count * size; i++) {
    const j = i % size;
    if (images[i] < low[j]) low[j] = images[i];
    if (images[i] > high[j]) high[j] = images[i];
  }
  return { low, high };
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
function klPerUnit(built: BuiltModel, x: tf.Tensor): tf.Tensor | null {
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
  return tf.mean(kl, 0);
}

/**
 * What the advisor reads about a model, measured on `count` samples (inference mode). Everything is
 * computed first and read after, asynchronously (WebGPU in Node as wasm).
 */
export async function measureForAdvice(
  built: BuiltModel,
  images: Float32Array,
  count: number,
): Promise<RunMeasurements> {
  const size = built.inputSize;
  const input = pixelShares(images);
  let reconstruct = false;
  let hasKl = false;
  const read = await readScoped(() => {
    const x = tf.tensor2d(images, [count, size]);
    const predict = (t: tf.Tensor2D) =>
      tf.reshape(
        built.model.predict(tf.reshape(t, [count, ...built.inputShape]), {
          batchSize: count,
        }) as tf.Tensor,
        [count, -1],
      ) as tf.Tensor2D;
    const recon = predict(x);
    reconstruct = built.task === 'reconstruct' && recon.shape[1] === size;
    const codes = tf.reshape(
      built.encoder.predict(tf.reshape(x, [count, ...built.inputShape]), {
        batchSize: count,
      }) as tf.Tensor,
      [count, -1],
    );
    const range = tf.sub(tf.max(codes, 0), tf.min(codes, 0));
    const kl = klPerUnit(built, tf.reshape(x, [count, ...built.inputShape]));
    hasKl = kl !== null;
    const reconParts: tf.Tensor[] = [];
    if (reconstruct) {
      // Each value drawn in the range that value takes over the samples: noise where the data
      // varies, the data's constant where it never does (a digit's empty border stays empty).
      const { low, high } = rangeOverSamples(images, count, size);
      const random = seededRandom(NOISE_SEED);
      const noise = new Float32Array(count * size);
      for (let i = 0; i < noise.length; i++) {
        const j = i % size;
        noise[i] = low[j] + (high[j] - low[j]) * random();
      }
      const n = tf.tensor2d(noise, [count, size]);
      reconParts.push(recon, ...rSquaredParts(x, recon), ...rSquaredParts(n, predict(n)));
    }
    return [range, ...(kl ? [kl] : []), ...reconParts];
  });
  const [range] = read;
  const kl = hasKl ? read[1] : null;
  const [recon, reconMse, reconVar, noiseMse, noiseVar] = read.slice(hasKl ? 2 : 1);
  return {
    task: built.task,
    loss: built.loss,
    inputSize: size,
    codeSize: built.codeSize,
    samples: count,
    inputBinaryShare: input.binary,
    inputGreyShare: input.grey,
    reconGreyShare: reconstruct ? pixelShares(recon).grey : 0,
    reconR2: reconstruct ? rSquared([reconMse[0], reconVar[0]]) : 0,
    noiseR2: reconstruct ? rSquared([noiseMse[0], noiseVar[0]]) : null,
    deadCodeUnits: reconstruct
      ? Array.from(range).flatMap((r, i) => (r <= DEAD_RANGE ? [i] : []))
      : [],
    codeActivation: codeActivation(built),
    klPerUnit: kl ? Array.from(kl) : null,
  };
}
