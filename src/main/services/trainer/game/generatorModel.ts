import * as tf from '@tensorflow/tfjs';
import type { GameSpec } from '../../../../shared/compiler/game';
import { modelFacts, type BuiltModel } from '../../model';
import { readScoped } from '../scope';
import { bce } from './losses';
import { disposeNet, forwardNet, type Net } from './net';

/**
 * A GAN's generator as the views' model: `decode` runs it with the prior's z as the code, so the
 * Lab's latent grid, walks and arithmetic work on it as on a VAE's decoder. It has no encoder; the
 * queries that need one answer so in words (LoadedModel knows the run is a GAN), and `encoder`
 * is the generator itself only so that nothing holding a BuiltModel meets a missing model.
 */
export function generatorModel(game: Extract<GameSpec, { kind: 'gan' }>, g: Net): BuiltModel {
  return {
    model: g.model,
    encoder: g.model,
    decoder: g.model,
    codeSize: game.prior.size,
    task: 'reconstruct',
    loss: 'binaryCrossentropy',
    hasNoise: false,
    spec: g.spec,
    ...modelFacts(g.spec),
    firstLayerKernel: () => null,
    forward: (x, training) => ({ output: forwardNet(g, x, training), corrupted: null, terms: {} }),
    lossOf: (output) => bce(output, 1),
    dispose: () => disposeNet(g),
  };
}

/** The generator's output shape without the batch dimension. */
export const sampleShapeOf = (g: Net): number[] =>
  (g.model.outputs[0].shape.slice(1) as number[]).map((n) => n ?? 1);

/**
 * Makes samples from noise in inference mode (BatchNorm on its moving statistics), read
 * asynchronously (WebGPU in Node as wasm).
 */
export async function generate(
  g: Net,
  z: Float32Array,
  count: number,
  size: number,
): Promise<Float32Array<ArrayBuffer>> {
  const [samples] = await readScoped(() => [forwardNet(g, tf.tensor2d(z, [count, size]), false)]);
  return Float32Array.from(samples);
}
