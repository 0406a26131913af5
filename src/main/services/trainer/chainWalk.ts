import * as tf from '@tensorflow/tfjs';
import type { ChainWalkReply } from '../../../shared/contract/generativeQueries';
import { fail, ok, type Result } from '../../../shared/contract/result';
import type { ToTrainer } from '../../../shared/contract/trainerProtocol';
import { descriptorOfClass, isNoiseClass } from '../../../shared/layers/registry';
import { seededRandom } from '../../../shared/util/random';
import type { BuiltModel } from '../model';
import { readScoped } from './scope';

type ChainWalkMessage = Extract<ToTrainer, { type: 'chainWalk' }>;

/** Noise that corrupts the chain's steps: the noise kinds, not Dropout (a regularizer there). */
const corrupts = (className: string) => isNoiseClass(className) && className !== 'Dropout';

/**
 * Runs `fn` with Math.random drawn from a seed: tfjs seeds each random op it is not given a seed
 * for from Math.random, so the noise layers' own corruption repeats for a seed. `fn` is synchronous,
 * so nothing else runs in the trainer meanwhile, and the real generator comes back.
 */
function withSeededMath<T>(seed: number, fn: () => T): T {
  const real = Math.random;
  Math.random = seededRandom(seed);
  try {
    return fn();
  } finally {
    Math.random = real;
  }
}

/** One step: the model's layers with its noise layers as in training, everything else as after it. */
function corruptAndRebuild(built: BuiltModel, x: tf.Tensor): tf.Tensor {
  const values = new Map<string, tf.Tensor>();
  for (const entry of built.spec.config.layers) {
    if (entry.class_name === 'InputLayer') {
      values.set(entry.name, tf.reshape(x, [-1, ...built.inputShape]));
      continue;
    }
    const args = (entry.inbound_nodes[0] ?? []).map((n) => values.get(n[0])!);
    const layer = built.model.getLayer(entry.name);
    const training = corrupts(entry.class_name);
    values.set(
      entry.name,
      layer.apply(args.length === 1 ? args[0] : args, { training }) as tf.Tensor,
    );
  }
  return values.get(built.spec.studio.outputLayer)!;
}

/**
 * Whether the model's output is a probability per value (a sigmoid output layer): then a step of
 * the chain draws each pixel on (1) or off (0) with the probability the model rebuilt.
 */
function outputIsProbability(built: BuiltModel): boolean {
  const out = built.spec.config.layers.find((l) => l.name === built.spec.studio.outputLayer);
  return (out?.config as { activation?: unknown } | undefined)?.activation === 'sigmoid';
}

/**
 * The walk of a denoising autoencoder's chain (Bengio et al.'s generative stochastic networks):
 * x0 is uniform noise or a sample; each step corrupts x(t), rebuilds it, and draws x(t+1) from
 * what it rebuilt. The frames show what each step rebuilt (the expected picture). Going on from
 * the expected picture itself, as the first walk did, is not sampling: the chain contracts to one
 * blurred average digit within a few steps. A model whose output is not a probability goes on
 * from its rebuilt picture (`sampling: 'mean'` says so). The same seed gives the same frames.
 * Every step runs first, the frames are read after (asynchronously: WebGPU in Node), so the
 * seeded generator never spans a wait.
 */
export async function walkChain(
  built: BuiltModel,
  m: ChainWalkMessage,
): Promise<Result<ChainWalkReply>> {
  if (built.task !== 'reconstruct')
    return fail('E_UNSUPPORTED', 'The chain walks a model that rebuilds its input.');
  const noise = built.spec.config.layers.filter((l) => corrupts(l.class_name));
  if (noise.length === 0)
    return fail(
      'E_UNSUPPORTED',
      'This design has no noise layer to corrupt each step with. The chain walks a denoising autoencoder: add Gaussian, masking or salt-and-pepper noise after the input.',
    );
  const size = built.inputSize;
  let x0: Float32Array;
  if (m.start === 'noise') {
    const random = seededRandom(m.seed ^ 0x5eed);
    x0 = Float32Array.from({ length: size }, () => random());
  } else if (m.sample && m.sample.length === size) {
    x0 = m.sample;
  } else {
    return fail(
      'E_INVALID_MESSAGE',
      `A walk from sample ${m.start} needs that sample's ${built.inputShape.join('×')} values.`,
    );
  }
  const frames = new Float32Array((m.steps + 1) * size);
  frames.set(x0, 0);
  const sampling = outputIsProbability(built) ? 'bernoulli' : 'mean';
  const steps = await readScoped(() =>
    withSeededMath(m.seed, () => {
      const made: tf.Tensor[] = [];
      let x: tf.Tensor = tf.tensor(x0, [1, ...built.inputShape]);
      for (let t = 1; t <= m.steps; t++) {
        const rebuilt = corruptAndRebuild(built, x);
        made.push(rebuilt);
        x =
          sampling === 'bernoulli'
            ? tf.cast(tf.less(tf.randomUniform(rebuilt.shape), rebuilt), 'float32')
            : rebuilt;
      }
      return made;
    }),
  );
  steps.forEach((values, i) => frames.set(values, (i + 1) * size));
  const corruption = noise
    .map(
      (l) => `${descriptorOfClass(l.class_name)?.title ?? l.class_name} '${built.labelOf(l.name)}'`,
    )
    .join(', ');
  return ok({
    frames,
    count: m.steps + 1,
    shape: built.inputShape,
    start: m.start,
    corruption,
    sampling,
  });
}
