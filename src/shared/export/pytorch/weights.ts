/**
 * The arrays of the .npz beside a PyTorch script: the app's trained weights under the app's own
 * names (`encoder_1/kernel`) in Keras' layout; the script's WEIGHTS table transposes each into its
 * torch parameter, so the same file also serves any Keras-layout reader.
 */
import { fail, ok, type Result } from '../../contract/result';

export interface NamedWeights {
  tensors: { name: string; shape: number[] }[];
  /** Every tensor's values, one after another, in the order of `tensors`. */
  data: Float32Array;
}

/** A name an .npz entry can carry (the shared encoder refuses anything else). */
const NPZ_KEY = /^[A-Za-z0-9_.:/ -]{1,200}$/;

/** The app's weights (as the trainer flattens them) as named arrays for encodeNpz. */
export function pytorchWeightArrays(
  weights: NamedWeights,
): Result<Record<string, { data: Float32Array; shape: number[] }>> {
  const arrays: Record<string, { data: Float32Array; shape: number[] }> = {};
  let at = 0;
  for (const { name, shape } of weights.tensors) {
    const size = shape.reduce((a, b) => a * b, 1);
    if (!NPZ_KEY.test(name) || name.split('/').some((p) => p === '' || p === '..'))
      return fail('E_INTERNAL', `The weight '${name}' cannot be named in an .npz file.`);
    if (at + size > weights.data.length)
      return fail('E_DATA', 'The trained weights are incomplete: train the model again.');
    arrays[name] = { data: weights.data.slice(at, at + size), shape: [...shape] };
    at += size;
  }
  return ok(arrays);
}
