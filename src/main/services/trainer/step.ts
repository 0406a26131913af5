import * as tf from '@tensorflow/tfjs';
import type { BuiltModel } from '../model';
import { float32Memory } from '../tf/fused/memory';
import { withScope } from './scope';

export interface StepResult {
  loss: number;
  terms: Record<string, number>;
  /** The largest gradient value (absolute): zero when nothing can learn any more. */
  gradientPeak: number;
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
    const gradientPeak = Number.isFinite(loss) ? peakOfGradients(grads) : NaN;
    const finite = !Number.isNaN(gradientPeak);
    const terms: Record<string, number> = {};
    names.forEach((name, i) => {
      terms[name] = read[1 + i];
      termTensors[name].dispose();
    });
    if (!finite) return null;
    optimizer.applyGradients(grads);
    return { loss, terms, gradientPeak };
  });
}

/**
 * The largest absolute gradient value, or NaN when any is not a finite number. Where JavaScript
 * reaches the backend's memory (wasm, cpu) one pass over it is far cheaper than a reduction kernel
 * per gradient; the peak rides on the pass the finiteness check makes anyway (the dead-run check
 * reads it).
 */
function peakOfGradients(grads: tf.NamedTensorMap): number {
  let peak = 0;
  for (const g of Object.values(grads)) {
    const values = float32Memory(g);
    // Any NaN or infinity turns the product, and so the sum, into NaN.
    let acc = 0;
    let top = 0;
    if (values) {
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        acc += v * 0;
        if (v > top) top = v;
        else if (-v > top) top = -v;
      }
    } else {
      const read = tf.stack([g.sum().mul(0), g.abs().max()]).dataSync();
      [acc, top] = [read[0], read[1]];
    }
    if (acc !== 0) return NaN;
    if (top > peak) peak = top;
  }
  return peak;
}
