import * as tf from '@tensorflow/tfjs';
import { PRESETS } from '../../../shared/presets';
import { seededRandom } from '../../../shared/util/random';
import { buildModel, type BuiltModel } from '../model';
import { initBackend } from './backend';
import { adapterName, registerWebGpu } from './webgpu';

/** One preset's step on WebGPU against wasm: the relative loss difference and the decode's. */
export interface PresetParity {
  preset: string;
  wasmLoss: number;
  webgpuLoss: number;
  lossRelative: number;
  /** null when the design has no separable decoder. */
  decodeRelative: number | null;
}

export type ParityReport =
  { ok: true; adapter: string; presets: PresetParity[] } | { ok: false; reason: string };

/**
 * A game (an Adversary node: GAN, AAE) trains its players in steps of their own, not one forward
 * pass and loss; this check's single step does not apply to it.
 */
export const isGamePreset = (preset: (typeof PRESETS)[number]): boolean =>
  preset.graph.nodes.some((n) => n.kind === 'Adversary');

const SEED = 7;
const BATCH = 8;

/** Values in [0, 1), the same on every call: a stand-in batch of images. */
const batchOf = (size: number, seed: number): Float32Array => {
  const random = seededRandom(seed);
  return Float32Array.from({ length: size }, () => random());
};

/** A target of the output's shape: the input itself, or one-hot labels for a classifier. */
const targetFor = (built: BuiltModel, x: tf.Tensor): tf.Tensor =>
  built.task === 'classify'
    ? tf.oneHot(
        tf.tensor1d(
          [...Array(BATCH).keys()].map((i) => i % built.classes!),
          'int32',
        ),
        built.classes!,
      )
    : x;

interface StepOutcome {
  loss: number;
  decoded: Float32Array | null;
}

/**
 * One training step (forward, loss with the design's extra terms, gradients, an SGD update) then a
 * decode of fixed codes with the updated weights. Reads asynchronously: the WebGPU backend cannot
 * read synchronously in Node (its readSync draws through an OffscreenCanvas, which Node lacks).
 */
async function stepOn(backend: string, presetIndex: number): Promise<StepOutcome> {
  if (!(await tf.setBackend(backend)) || tf.getBackend() !== backend)
    throw new Error(`The ${backend} backend did not start.`);
  const preset = PRESETS[presetIndex];
  const built = buildModel(preset.graph, SEED);
  if (!built.ok) throw new Error(`${preset.id}: ${built.error.message}`);
  const model = built.value;
  // Noise, dropout and sampling draw their seeds from Math.random: the same draws on both backends.
  const original = Math.random;
  Math.random = seededRandom(SEED);
  try {
    const variables = model.model.trainableWeights.map((w) => w.read() as tf.Variable);
    const x = tf.tensor(batchOf(BATCH * model.inputSize, SEED), [BATCH, ...model.inputShape]);
    const y = targetFor(model, x);
    const { value, grads } = tf.variableGrads(() => {
      const { output, terms } = model.forward(x, true);
      let total = model.lossOf(output, y);
      for (const term of Object.values(terms)) total = total.add(term);
      return total as tf.Scalar;
    }, variables);
    const loss = (await value.data())[0];
    const optimizer = tf.train.sgd(0.01);
    optimizer.applyGradients(grads);
    optimizer.dispose();
    tf.dispose([x, y, value, ...Object.values(grads)]);
    let decoded: Float32Array | null = null;
    if (model.decoder) {
      const shape = model.decoder.inputs[0].shape.slice(1) as number[];
      const size = shape.reduce((a, b) => a * b, 1);
      const codes = tf
        .tensor(batchOf(4 * size, SEED + 1), [4, ...shape])
        .mul(2)
        .sub(1);
      const out = model.decoder.predict(codes) as tf.Tensor;
      decoded = (await out.data()) as Float32Array;
      tf.dispose([codes, out]);
    }
    return { loss, decoded };
  } finally {
    Math.random = original;
    model.dispose();
  }
}

const relative = (a: number, b: number): number =>
  Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-12);

/** The largest absolute difference, relative to the larger magnitude (at least 1). */
const worst = (a: Float32Array, b: Float32Array): number => {
  let w = 0;
  for (let i = 0; i < a.length; i++)
    w = Math.max(w, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(a[i]), Math.abs(b[i])));
  return a.length === b.length ? w : Infinity;
};

/**
 * Runs one step of every preset on wasm and on WebGPU (any adapter, software ones included) and
 * says how far apart they are. Used by the equality test on SwiftShader and by anyone checking a
 * GPU's numbers.
 */
export async function webgpuParity(presetIds?: string[]): Promise<ParityReport> {
  const probe = await registerWebGpu();
  if (!probe.ok) return probe;
  if ((await initBackend('wasm')).name !== 'wasm')
    return { ok: false, reason: 'The wasm backend did not load.' };
  const presets: PresetParity[] = [];
  for (let i = 0; i < PRESETS.length; i++) {
    if (presetIds && !presetIds.includes(PRESETS[i].id)) continue;
    if (isGamePreset(PRESETS[i])) continue;
    const wasm = await stepOn('wasm', i);
    const gpu = await stepOn('webgpu', i);
    presets.push({
      preset: PRESETS[i].id,
      wasmLoss: wasm.loss,
      webgpuLoss: gpu.loss,
      lossRelative: relative(wasm.loss, gpu.loss),
      decodeRelative: wasm.decoded && gpu.decoded ? worst(wasm.decoded, gpu.decoded) : null,
    });
  }
  return { ok: true, adapter: adapterName(probe.adapter), presets };
}
