import * as tf from '@tensorflow/tfjs';
import type { BuiltModel } from '../model';
import { float32Memory } from '../tf/fused/memory';
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
    const names = Object.keys(termTensors);
    const read = tf.stack([value, ...names.map((n) => termTensors[n])]).dataSync();
    const loss = read[0];
    const finite = Number.isFinite(loss) && gradientsFinite(grads);
    const terms: Record<string, number> = {};
    names.forEach((name, i) => {
      terms[name] = read[1 + i];
      termTensors[name].dispose();
    });
    if (!finite) return null;
    optimizer.applyGradients(grads);
    return { loss, terms };
  });
}

/**
 * Whether every gradient value is a finite number. Where JavaScript reaches the backend's memory
 * (wasm, cpu) one pass over it is far cheaper than a reduction kernel per gradient.
 */
function gradientsFinite(grads: tf.NamedTensorMap): boolean {
  for (const g of Object.values(grads)) {
    const values = float32Memory(g);
    // Any NaN or infinity turns the product, and so the sum, into NaN.
    let acc = 0;
    if (values) for (let i = 0; i < values.length; i++) acc += values[i] * 0;
    else acc = g.sum().mul(0).dataSync()[0];
    if (acc !== 0) return false;
  }
  return true;
}
