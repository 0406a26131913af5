import type * as tf from '@tensorflow/tfjs';
import type { KerasModelSpec } from '../../../../shared/compiler';
import { assemble } from '../../model/assemble';

/** One player's network: its tfjs model (inference, weights, checkpoints) and its layers by name. */
export interface Net {
  spec: KerasModelSpec;
  model: tf.LayersModel;
  layers: Map<string, tf.layers.Layer>;
  /** Trainable variables, in a fixed order (an optimizer's state follows it). */
  variables: tf.Variable[];
}

/** Builds a player from its spec with the seeded starting weights every build uses. */
export function buildNet(spec: KerasModelSpec, seed: number): Net {
  const { model, layers } = assemble(spec, seed);
  return { spec, model, layers, variables: variablesOf(model) };
}

export const variablesOf = (model: tf.LayersModel): tf.Variable[] =>
  model.trainableWeights.map((w) => w.read() as tf.Variable);

/**
 * Runs a spec's layers one by one on real tensors with the training flag (BatchNorm on batch
 * statistics and dropout on while a player learns: a LayersModel's apply does not pass the flag
 * on), up to `until` (default: the spec's output). Call inside a scope or variableGrads.
 */
export function runLayers(
  spec: KerasModelSpec,
  layers: Map<string, tf.layers.Layer>,
  x: tf.Tensor,
  training: boolean,
  until: string = spec.studio.outputLayer,
): tf.Tensor {
  const values = new Map<string, tf.Tensor>();
  for (const entry of spec.config.layers) {
    if (entry.class_name === 'InputLayer') {
      const shape = (entry.config.batch_input_shape as number[]).slice(1);
      values.set(entry.name, x.shape.length === shape.length + 1 ? x : x.reshape([-1, ...shape]));
    } else {
      const args = (entry.inbound_nodes[0] ?? []).map((n) => values.get(n[0])!);
      const layer = layers.get(entry.name)!;
      values.set(
        entry.name,
        layer.apply(args.length === 1 ? args[0] : args, { training }) as tf.Tensor,
      );
    }
    if (entry.name === until) return values.get(until)!;
  }
  throw new Error(`The layer '${until}' is not in the model.`);
}

/** The player's output on x (the discriminator's probability, the generator's sample). */
export const forwardNet = (net: Net, x: tf.Tensor, training: boolean): tf.Tensor =>
  runLayers(net.spec, net.layers, x, training);

/** Disposes a player's weights (its layers are not shared with another model). */
export const disposeNet = (net: Net): void => {
  for (const w of net.model.weights) w.dispose();
};
