import type * as tf from '@tensorflow/tfjs';
import { isTrainingOnlyClass } from '../../../shared/layers/registry';
import { decodeWeights, encodeWeights, untieAll, type NamedWeights } from './tiedToDense';

type Inbound = [string, number, number, Record<string, unknown>?];
type Layer = {
  class_name: string;
  name: string;
  config: Record<string, unknown>;
  inbound_nodes: Inbound[][];
};
type Topology = {
  config: { layers: Layer[]; output_layers: [string, number, number][] };
};

/** Keras classes from other programs that, like the app's noise, act only while training. */
const FOREIGN_TRAINING_ONLY = new Set(['GaussianDropout', 'AlphaDropout']);

/**
 * Layers that only change values while training: at inference each passes its first input on
 * (Code adds a penalty to the loss, the noise layers add noise, Sampling gives the mean, its first
 * input); each kind's descriptor says so. Removed from the inference exports so stock tfjs, which
 * knows none of the app's layers, loads them.
 */
export const isTrainingOnly = (className: string, config?: Record<string, unknown>): boolean =>
  isTrainingOnlyClass(className, config) || FOREIGN_TRAINING_ONLY.has(className);

/**
 * The same model as stock tfjs runs it at inference: training-only layers removed and their
 * consumers wired to what fed them, TiedDense layers turned into Dense layers holding the partner's
 * transposed kernel (from `kernels`, the full model's weights), and layers that no longer reach the
 * output (a VAE's log-variance) dropped with their weights. Predictions are the app's, unchanged.
 */
export function inferenceArtifacts(
  artifacts: tf.io.ModelArtifacts,
  kernels: NamedWeights,
): tf.io.ModelArtifacts {
  const untied = untieAll(artifacts, kernels);
  const topology = structuredClone(untied.modelTopology) as unknown as Topology;
  const layers = topology.config.layers;
  // What each removed layer's output stands for: its first input, itself resolved.
  const replaced = new Map<string, Inbound>();
  const resolve = (ref: Inbound): Inbound => {
    const to = replaced.get(ref[0]);
    return to ? [to[0], to[1], to[2], ref[3] ?? {}] : ref;
  };
  const kept: Layer[] = [];
  for (const layer of layers) {
    layer.inbound_nodes = layer.inbound_nodes.map((node) => node.map(resolve));
    const first = layer.inbound_nodes[0]?.[0];
    if (isTrainingOnly(layer.class_name, layer.config) && first) replaced.set(layer.name, first);
    else kept.push(layer);
  }
  topology.config.output_layers = topology.config.output_layers.map((o) => {
    const to = replaced.get(o[0]);
    return to ? [to[0], to[1], to[2]] : o;
  });
  // Only the layers the outputs depend on remain (inputs always do).
  const needed = new Set(topology.config.output_layers.map((o) => o[0]));
  for (const layer of [...kept].reverse()) {
    if (!needed.has(layer.name)) continue;
    for (const node of layer.inbound_nodes) for (const ref of node) needed.add(ref[0]);
  }
  topology.config.layers = kept.filter((l) => needed.has(l.name) || l.class_name === 'InputLayer');
  const names = new Set(topology.config.layers.map((l) => l.name));
  const weights: NamedWeights = new Map();
  for (const [name, w] of decodeWeights(untied))
    if (names.has(name.split('/')[0])) weights.set(name, w);
  return {
    ...untied,
    modelTopology: topology as unknown as tf.io.ModelArtifacts['modelTopology'],
    ...encodeWeights(weights),
  };
}
