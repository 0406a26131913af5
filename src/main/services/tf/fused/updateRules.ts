/**
 * The optimizer update rules of tf.train.adam, tf.train.momentum and tf.train.rmsprop, written as
 * one loop over a variable's memory. Each element is read once and written once, where the tfjs
 * optimizers run about a dozen kernels per variable, each a pass over memory and a JS dispatch.
 * Arithmetic is in doubles and rounded once on store, so results agree with tfjs to float32 rounding.
 * The variable's new values go to `next`, a fresh buffer, and its old ones are read from `x`; the
 * state buffers are updated in place.
 */

/** Adam's constants for one step; `correction1/2` are 1 - beta^t. */
export interface AdamStep {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  correction1: number;
  correction2: number;
}

/** One Adam step: m and v are the moment buffers, x the variable, g its gradient. */
export const adamUpdate = (
  next: Float32Array,
  x: Float32Array,
  m: Float32Array,
  v: Float32Array,
  g: Float32Array,
  s: AdamStep,
): void => {
  const { beta1, beta2, epsilon } = s;
  const a1 = 1 - beta1;
  const a2 = 1 - beta2;
  const step = s.learningRate / s.correction1;
  const scale2 = 1 / s.correction2;
  for (let i = 0; i < x.length; i++) {
    const gi = g[i];
    const mi = beta1 * m[i] + a1 * gi;
    const vi = beta2 * v[i] + a2 * gi * gi;
    m[i] = mi;
    v[i] = vi;
    next[i] = x[i] - (step * mi) / (Math.sqrt(vi * scale2) + epsilon);
  }
};

/** One SGD-with-momentum step (tfjs' form: a = momentum a + g; x -= lr a). */
export const momentumUpdate = (
  next: Float32Array,
  x: Float32Array,
  a: Float32Array,
  g: Float32Array,
  learningRate: number,
  momentum: number,
): void => {
  for (let i = 0; i < x.length; i++) {
    const ai = momentum * a[i] + g[i];
    a[i] = ai;
    next[i] = x[i] - learningRate * ai;
  }
};

/** RMSprop's constants for one step (not centered, as tf.train.rmsprop by default). */
export interface RmspropStep {
  learningRate: number;
  decay: number;
  momentum: number;
  epsilon: number;
}

/** One RMSprop step: ms is the mean square, mom the momentum buffer. */
export const rmspropUpdate = (
  next: Float32Array,
  x: Float32Array,
  ms: Float32Array,
  mom: Float32Array,
  g: Float32Array,
  s: RmspropStep,
): void => {
  const { learningRate, decay, momentum, epsilon } = s;
  const a = 1 - decay;
  for (let i = 0; i < x.length; i++) {
    const gi = g[i];
    const msi = decay * ms[i] + a * gi * gi;
    const moi = momentum * mom[i] + (learningRate * gi) / Math.sqrt(msi + epsilon);
    ms[i] = msi;
    mom[i] = moi;
    next[i] = x[i] - moi;
  }
};
