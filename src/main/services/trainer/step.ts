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
 * An update computed but not yet applied: the scalars to read (the values the caller wants, then,
 * when the gradients' memory is out of reach, their checks), and the gradients kept for the update.
 */
export interface PendingUpdate {
  read: tf.Tensor[];
  /** How many of `read` are the caller's values (the rest are gradientChecks'). */
  values: number;
  grads: tf.NamedTensorMap;
  /** The gradient peak read from memory, or null when it rides on `read` (see gradientChecks). */
  peak: number | null;
}

/**
 * Call inside a scope, right after tf.variableGrads: keeps `values` (scalars, the first one the
 * loss) and the gradients past the scope's end, with what the finiteness check needs to read.
 */
export function keepForUpdate(values: tf.Tensor[], grads: tf.NamedTensorMap): PendingUpdate {
  const peak = peakInMemory(grads);
  // Read one by one, not stacked: on WebGPU (SwiftShader) a stack of a step's scalars read back
  // stale values every other step; the reads of one step are issued together all the same.
  const read = [...values];
  if (peak === null) read.push(...gradientChecks(grads));
  for (const t of read) tf.keep(t);
  for (const g of Object.values(grads)) tf.keep(g);
  return { read, values: values.length, grads, peak };
}

/**
 * Reads a pending update's values asynchronously (the way WebGPU in Node can read), then applies
 * the gradients when the first value (the loss) and every gradient are finite. Returns the values
 * and the gradient peak, or null with the weights untouched. Disposes what was kept either way.
 */
export async function applyIfFinite(
  pending: PendingUpdate,
  optimizer: tf.Optimizer,
): Promise<{ values: number[]; gradientPeak: number } | null> {
  const { read, grads } = pending;
  try {
    const all = (await Promise.all(read.map((t) => t.data()))).map((v) => v[0]);
    const values = all.slice(0, pending.values);
    const gradientPeak = pending.peak ?? checkedPeak(all[pending.values], all[pending.values + 1]);
    if (!Number.isFinite(values[0]) || Number.isNaN(gradientPeak)) return null;
    tf.tidy(() => optimizer.applyGradients(grads));
    return { values, gradientPeak };
  } finally {
    tf.dispose([...read, ...Object.values(grads)]);
  }
}

/**
 * One optimizer step on a batch. Returns null, leaving the weights untouched, when the loss or the
 * gradients are not finite: the weights kept are then the last good ones. Reads its values
 * asynchronously, so it runs on WebGPU in Node as on wasm.
 */
export async function trainStepAsync(
  built: BuiltModel,
  optimizer: tf.Optimizer,
  variables: tf.Variable[],
  x: () => tf.Tensor,
  target: (x: tf.Tensor) => tf.Tensor,
): Promise<StepResult | null> {
  const { pending, names } = withScope(() => {
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
    return { pending: keepForUpdate([value, ...names.map((n) => termTensors[n])], grads), names };
  });
  const done = await applyIfFinite(pending, optimizer);
  if (!done) return null;
  const terms: Record<string, number> = {};
  names.forEach((name, i) => (terms[name] = done.values[1 + i]));
  return { loss: done.values[0], terms, gradientPeak: done.gradientPeak };
}

/**
 * The largest absolute gradient value, or NaN when any is not a finite number, from the gradients'
 * memory; null when some gradient's memory is out of JavaScript's reach (a GPU). Where JavaScript
 * reaches the backend's memory (wasm, cpu) one pass over it is far cheaper than a reduction kernel
 * per gradient; the peak rides on the pass the finiteness check makes anyway (the dead-run check
 * reads it).
 */
function peakInMemory(grads: tf.NamedTensorMap): number | null {
  let peak = 0;
  for (const g of Object.values(grads)) {
    const values = float32Memory(g);
    if (!values) return null;
    // Any NaN or infinity turns the product, and so the sum, into NaN.
    let acc = 0;
    let top = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      acc += v * 0;
      if (v > top) top = v;
      else if (-v > top) top = -v;
    }
    if (acc !== 0) return NaN;
    if (top > peak) peak = top;
  }
  return peak;
}

/**
 * [the sum of every gradient value, the largest absolute value], as two scalars: the sum is not
 * finite when any value is not (a NaN or an infinity carries through a sum; a max may skip a NaN).
 * Not `sum * 0` as peakInMemory does: on WebGPU (SwiftShader) that product came back non-zero.
 */
function gradientChecks(grads: tf.NamedTensorMap): [tf.Scalar, tf.Scalar] {
  // One flat tensor, two reductions: on WebGPU (SwiftShader) a stack of per-gradient maxima read
  // back a stale value now and then.
  const flat = tf.concat(Object.values(grads).map((g) => g.reshape([-1])));
  return [flat.sum(), flat.abs().max()];
}

/** The peak from gradientChecks' two values, or NaN when a gradient value was not finite. */
const checkedPeak = (sum: number, top: number): number =>
  Number.isFinite(sum) && Number.isFinite(top) ? top : NaN;
