import type * as tf from '@tensorflow/tfjs';
import { float32Memory, newFloat32 } from './memory';
import { nativeLoops } from '../native/blas';

/** Keras' epsilon: predictions are clipped to [EPSILON, 1 - EPSILON] before the logarithms. */
export const EPSILON = 1e-7;

/** The clip bounds as float32 holds them, so that clipped values match tf.clipByValue's. */
const LO = Math.fround(EPSILON);
const HI = Math.fround(1 - EPSILON);

/** Which input a gradient kernel differentiates for. */
export type Wrt = 'pred' | 'target';

const views = (backend: unknown, ...infos: tf.TensorInfo[]): Float32Array[] =>
  infos.map((info) => {
    const view = float32Memory(info, backend);
    if (!view) throw new Error('Fused losses need float32 tensors on the wasm or cpu backend.');
    return view;
  });

/** A scalar output holding `value`. */
const scalarOut = (backend: unknown, value: number): tf.TensorInfo => {
  const { info, values } = newFloat32(backend, []);
  values[0] = value;
  return info;
};

/** Factors multiplied before one logarithm is taken; 32 factors of at least 1e-7 stay above 1e-230. */
const FACTORS_PER_LOG = 32;

/**
 * Mean binary cross-entropy of probabilities `pred` against `target`, in one pass. A target of
 * exactly 0 or 1 (most pixels of a digit) contributes the logarithm of one factor, 1 - p or p; such
 * factors are multiplied 32 at a time and their product's logarithm taken once, since Math.log
 * (about 15 ns) costs far more than the rest of the loop. Other targets take both logarithms.
 */
export const bceKernel: tf.KernelFunc = ({ inputs, backend }) => {
  const { pred, target } = inputs as { pred: tf.TensorInfo; target: tf.TensorInfo };
  const [p, t] = views(backend, pred, target);
  // The same loop in the native addon where it is built (vectorizable, no typed-array checks).
  const loops = nativeLoops();
  if (loops) return scalarOut(backend, loops.bceSum(p, t) / p.length);
  let sum = 0;
  let product = 1;
  let factors = 0;
  for (let i = 0; i < p.length; i++) {
    const pc = p[i] < LO ? LO : p[i] > HI ? HI : p[i];
    const ti = t[i];
    if (ti === 0 || ti === 1) {
      product *= ti === 0 ? 1 - pc : pc;
      if (++factors === FACTORS_PER_LOG) {
        sum += Math.log(product);
        product = 1;
        factors = 0;
      }
    } else sum += ti * Math.log(pc) + (1 - ti) * Math.log(1 - pc);
  }
  sum += Math.log(product);
  return scalarOut(backend, -sum / p.length);
};

/**
 * The gradient of the mean binary cross-entropy times `dy`, in one pass. As tf.clipByValue's
 * gradient, a prediction outside [EPSILON, 1 - EPSILON] gets none.
 */
export const bceGradKernel: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { dy, pred, target } = inputs as Record<'dy' | 'pred' | 'target', tf.TensorInfo>;
  const wrt = (attrs as { wrt: Wrt }).wrt;
  const out = newFloat32(backend, pred.shape);
  const [d, p, t, g] = [...views(backend, dy, pred, target), out.values];
  const scale = -d[0] / p.length;
  const loops = nativeLoops();
  if (loops && wrt === 'pred') {
    loops.bceGrad(scale, p, t, g);
    return out.info;
  }
  for (let i = 0; i < p.length; i++) {
    const pi = p[i];
    const pc = pi < LO ? LO : pi > HI ? HI : pi;
    if (wrt === 'target') g[i] = scale * (Math.log(pc) - Math.log(1 - pc));
    else if (pi < LO || pi > HI) g[i] = 0;
    else g[i] = scale * (t[i] / pi - (1 - t[i]) / (1 - pi));
  }
  return out.info;
};

/** Mean squared error in one pass. */
export const mseKernel: tf.KernelFunc = ({ inputs, backend }) => {
  const { pred, target } = inputs as { pred: tf.TensorInfo; target: tf.TensorInfo };
  const [p, t] = views(backend, pred, target);
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    const e = p[i] - t[i];
    sum += e * e;
  }
  return scalarOut(backend, sum / p.length);
};

/** The gradient of the mean squared error times `dy`, in one pass. */
export const mseGradKernel: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { dy, pred, target } = inputs as Record<'dy' | 'pred' | 'target', tf.TensorInfo>;
  const sign = (attrs as { wrt: Wrt }).wrt === 'pred' ? 1 : -1;
  const out = newFloat32(backend, pred.shape);
  const [d, p, t, g] = [...views(backend, dy, pred, target), out.values];
  const scale = (sign * 2 * d[0]) / p.length;
  for (let i = 0; i < p.length; i++) g[i] = scale * (p[i] - t[i]);
  return out.info;
};
