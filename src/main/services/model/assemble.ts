import * as tf from '@tensorflow/tfjs';
import type { KerasModelSpec } from '../../../shared/compiler';
import { createLayer } from './layerFactory';
import { linkTiedLayers } from './layers/tiedDense';
import { registerCustomLayers } from './layers/register';

export interface Assembled {
  model: tf.LayersModel;
  encoder: tf.LayersModel;
  decoder: tf.LayersModel | null;
  /** Every layer by its Keras name, in the spec's (topological) order. */
  layers: Map<string, tf.layers.Layer>;
}

const inboundOf = (spec: KerasModelSpec) =>
  new Map(spec.config.layers.map((l) => [l.name, (l.inbound_nodes[0] ?? []).map((n) => n[0])]));

/** The layers after the code, when every one of them depends only on the code: the decoder. */
function decoderLayers(spec: KerasModelSpec): string[] | null {
  const code = spec.studio.codeLayer;
  if (!code || spec.studio.task === 'classify' || code === spec.studio.outputLayer) return null;
  const inbound = inboundOf(spec);
  const after = new Set([code]);
  const chain: string[] = [];
  for (const layer of spec.config.layers) {
    const sources = inbound.get(layer.name)!;
    if (!sources.some((s) => after.has(s))) continue;
    if (!sources.every((s) => after.has(s))) return null;
    after.add(layer.name);
    chain.push(layer.name);
  }
  return after.has(spec.studio.outputLayer) ? chain : null;
}

/**
 * Builds the tfjs functional model of a spec, plus its encoder and decoder sharing the layers; a
 * seed makes the starting weights repeat.
 */
export function assemble(spec: KerasModelSpec, seed?: number): Assembled {
  registerCustomLayers();
  const layers = new Map<string, tf.layers.Layer>();
  const tensors = new Map<string, tf.SymbolicTensor>();
  const inbound = inboundOf(spec);
  let input: tf.SymbolicTensor | null = null;
  for (const entry of spec.config.layers) {
    if (entry.class_name === 'InputLayer') {
      const shape = (entry.config.batch_input_shape as (number | null)[]).slice(1) as number[];
      input = tf.input({ shape, name: entry.name });
      tensors.set(entry.name, input);
      continue;
    }
    const layer = createLayer(entry, seed);
    layers.set(entry.name, layer);
    const args = inbound.get(entry.name)!.map((s) => tensors.get(s)!);
    tensors.set(entry.name, layer.apply(args.length === 1 ? args[0] : args) as tf.SymbolicTensor);
  }
  if (!input) throw new Error('The model spec has no InputLayer.');
  const model = tf.model({
    inputs: input,
    outputs: tensors.get(spec.studio.outputLayer)!,
    name: 'autoencoder',
  });
  linkTiedLayers(model);
  const codeTensor = tensors.get(spec.studio.codeLayer ?? spec.studio.outputLayer)!;
  const encoder = tf.model({ inputs: input, outputs: codeTensor, name: 'encoder' });

  let decoder: tf.LayersModel | null = null;
  const chain = decoderLayers(spec);
  if (chain) {
    const codeInput = tf.input({
      shape: codeTensor.shape.slice(1) as number[],
      name: 'code_input',
    });
    const again = new Map<string, tf.SymbolicTensor>([[spec.studio.codeLayer!, codeInput]]);
    for (const name of chain) {
      const args = inbound.get(name)!.map((s) => again.get(s)!);
      again.set(
        name,
        layers.get(name)!.apply(args.length === 1 ? args[0] : args) as tf.SymbolicTensor,
      );
    }
    decoder = tf.model({
      inputs: codeInput,
      outputs: again.get(spec.studio.outputLayer)!,
      name: 'decoder',
    });
  }
  return { model, encoder, decoder, layers };
}
