import * as tf from '@tensorflow/tfjs';
import type { KerasModelSpec } from '../../../shared/compiler';
import { isNoiseClass } from '../../../shared/layers/registry';
import { Code } from './layers/code';
import { Sampling } from './layers/sampling';

export interface ForwardResult {
  output: tf.Tensor;
  corrupted: tf.Tensor | null;
  terms: Record<string, tf.Scalar>;
}

const addTerm = (terms: Record<string, tf.Scalar>, name: string, value: tf.Scalar | null) => {
  if (value) terms[name] = terms[name] ? (tf.add(terms[name], value) as tf.Scalar) : value;
};

/**
 * Runs the layers one by one on real tensors, so the extra loss terms can read the tensors around
 * the code (mean and log-variance, code values, the code layer's kernel) in the same pass.
 */
export function makeForward(spec: KerasModelSpec, layers: Map<string, tf.layers.Layer>) {
  const entries = spec.config.layers;
  const inputShape = (entries[0].config.batch_input_shape as number[]).slice(1);
  return (x: tf.Tensor, training: boolean): ForwardResult => {
    const values = new Map<string, tf.Tensor>();
    const terms: Record<string, tf.Scalar> = {};
    let corrupted: tf.Tensor | null = null;
    for (const entry of entries) {
      if (entry.class_name === 'InputLayer') {
        values.set(
          entry.name,
          x.shape.length === inputShape.length + 1 ? x : tf.reshape(x, [-1, ...inputShape]),
        );
        continue;
      }
      const sources = (entry.inbound_nodes[0] ?? []).map((n) => n[0]);
      const args = sources.map((s) => values.get(s)!);
      const layer = layers.get(entry.name)!;
      const out = layer.apply(args.length === 1 ? args[0] : args, { training }) as tf.Tensor;
      values.set(entry.name, out);
      if (
        training &&
        corrupted === null &&
        isNoiseClass(entry.class_name) &&
        sources[0] === spec.studio.inputLayer
      ) {
        corrupted = out;
      }
      if (layer instanceof Sampling) addTerm(terms, 'kl', layer.klTerm(args[0], args[1]));
      if (layer instanceof Code) {
        addTerm(terms, 'sparsity', layer.sparsityTerm(args[0]));
        const source = entries.find((e) => e.name === sources[0]);
        if (source?.class_name === 'Dense' && layer.contractiveWeight > 0) {
          const dense = layers.get(source.name)!;
          const kernel = (dense.trainableWeights[0] ?? dense.weights[0]).read();
          addTerm(
            terms,
            'contractive',
            layer.contractiveTerm(args[0], kernel, source.config.activation as string),
          );
        }
      }
    }
    return { output: values.get(spec.studio.outputLayer)!, corrupted, terms };
  };
}
