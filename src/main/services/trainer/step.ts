import * as tf from '@tensorflow/tfjs';
import type { BuiltModel } from '../model';
import { withScope } from './scope';

export interface StepResult {
  loss: number;
  terms: Record<string, number>;
}

/**
 * One optimizer step on a batch. Returns null, leaving the weights untouched, when the loss or the
 * gradients are not finite: the weights kept are then the last good ones.
 */
export function trainStep(
  built: BuiltModel,
  optimizer: tf.Optimizer,
  variables: tf.Variable[],
  x: () => tf.Tensor,
  target: (x: tf.Tensor) => tf.Tensor,
): StepResult | null {
  return withScope(() => {
    const input = x();
    const y = target(input);
    const termTensors: Record<string, tf.Scalar> = {};
    const { value, grads } = tf.variableGrads(() => {
      const { output, terms } = built.forward(input, true);
      let total = built.lossOf(output, y);
      for (const [name, term] of Object.entries(terms)) {
        termTensors[name] = tf.keep(term);
        total = total.add(term);
      }
      return total as tf.Scalar;
    }, variables);
    // One number tells whether the loss and every gradient are finite (a sum with a NaN is NaN);
    // it, the loss and the terms come back in one read.
    const check = tf.addN([value, ...Object.values(grads).map((g) => g.sum())]);
    const names = Object.keys(termTensors);
    const read = tf.stack([value, check, ...names.map((n) => termTensors[n])]).dataSync();
    const [loss, finite] = [read[0], Number.isFinite(read[1])];
    const terms: Record<string, number> = {};
    names.forEach((name, i) => {
      terms[name] = read[2 + i];
      termTensors[name].dispose();
    });
    if (!Number.isFinite(loss) || !finite) return null;
    optimizer.applyGradients(grads);
    return { loss, terms };
  });
}
