import * as tf from '@tensorflow/tfjs';
import { loadMnist } from '../src/main/services/data/mnist';
import type { DataSpec, TrainSettings } from '../src/shared/contract/training';
import type { GraphDocument } from '../src/shared/graph/document';
import { seededRandom } from '../src/shared/util/random';
import { memoryStudio, nextEvent } from './helpers';

/** A dense 784-128-10 softmax classifier of the embedded digits, and its accuracy on 1,000 held out. */
export async function digitClassifier(): Promise<{ model: tf.Sequential; accuracy: number }> {
  const all = await loadMnist();
  const order = Array.from({ length: all.count }, (_, i) => i);
  const random = seededRandom(7);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const rows = (from: number, to: number) => {
    const picked = order.slice(from, to);
    const x = new Float32Array(picked.length * 784);
    picked.forEach((r, i) => x.set(all.images.subarray(r * 784, (r + 1) * 784), i * 784));
    return {
      x: tf.tensor2d(x, [picked.length, 784]),
      y: tf.oneHot(
        tf.tensor1d(
          picked.map((r) => all.labels[r]),
          'int32',
        ),
        10,
      ),
      labels: picked.map((r) => all.labels[r]),
    };
  };
  const train = rows(1000, all.count);
  const test = rows(0, 1000);
  const model = tf.sequential({
    layers: [
      tf.layers.dense({
        inputShape: [784],
        units: 128,
        activation: 'relu',
        kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }),
      }),
      tf.layers.dense({
        units: 10,
        activation: 'softmax',
        kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }),
      }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.002), loss: 'categoricalCrossentropy' });
  await model.fit(train.x, train.y, { epochs: 10, batchSize: 64, shuffle: true, verbose: 0 });
  const predicted = tf.tidy(() => (model.predict(test.x) as tf.Tensor).argMax(1).dataSync());
  const right = test.labels.filter((l, i) => predicted[i] === l).length;
  tf.dispose([train.x, train.y, test.x, test.y]);
  return { model, accuracy: right / test.labels.length };
}

/** count codes drawn from N(0, 1) with a seeded generator (Box-Muller). */
export function priorCodes(count: number, size: number, seed: number): Float32Array<ArrayBuffer> {
  const random = seededRandom(seed);
  const out = new Float32Array(count * size);
  for (let i = 0; i < out.length; i++) {
    const u = Math.max(random(), 1e-12);
    out[i] = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  }
  return out;
}

export interface Coverage {
  /** How many decoded samples the classifier gave each digit, among those it was sure of. */
  perDigit: number[];
  /** Samples the classifier was not sure of (probability under `sure`). */
  unsure: number;
  seconds: number;
  epochs: number;
  /** The decoded samples, for a picture, and the classifier's probabilities for each. */
  images: Float32Array;
  probs: number[][];
}

/**
 * Trains a design through the app's own host and trainer process, decodes `samples` codes from
 * the prior, and counts which digits the classifier sees in them.
 */
export async function priorCoverage(
  classifier: tf.Sequential,
  run: { graph: GraphDocument; settings: TrainSettings; data: DataSpec },
  samples = 100,
  sure = 0.9,
): Promise<Coverage> {
  const { host, client } = memoryStudio();
  try {
    const ended = nextEvent(client, 'train.ended');
    const started = Date.now();
    const { graph, settings, data } = run;
    const reply = await client.invoke('train.start', { graph, settings, data, procedure: null });
    if (!reply.ok) throw new Error(reply.error.message);
    const end = await ended;
    if (end.status !== 'completed') throw new Error(`The run ended ${end.status}: ${end.message}`);
    const seconds = (Date.now() - started) / 1000;
    const code = await client.invoke('model.encode', {
      runId: reply.value.runId,
      images: new Float32Array(784),
      count: 1,
    });
    if (!code.ok) throw new Error(code.error.message);
    const size = code.value.codeSize;
    const decoded = await client.invoke('model.decode', {
      runId: reply.value.runId,
      points: priorCodes(samples, size, 2024),
      count: samples,
    });
    if (!decoded.ok) throw new Error(decoded.error.message);
    const images = decoded.value.images;
    if (!(images instanceof Float32Array)) throw new Error('A float decode answered in bytes.');
    const probs = tf.tidy(() =>
      (classifier.predict(tf.tensor2d(images, [samples, 784])) as tf.Tensor).arraySync(),
    ) as number[][];
    const perDigit = new Array<number>(10).fill(0);
    let unsure = 0;
    for (const p of probs) {
      const best = p.indexOf(Math.max(...p));
      if (p[best] >= sure) perDigit[best]++;
      else unsure++;
    }
    return {
      perDigit,
      unsure,
      seconds,
      epochs: end.epochsCompleted,
      images,
      probs,
    };
  } finally {
    host.dispose();
  }
}
