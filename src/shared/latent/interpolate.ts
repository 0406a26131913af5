/**
 * Paths between two codes. A straight line suits a plain autoencoder's codes; for a Gaussian prior
 * most of the mass lies in a thin shell of radius about √d, and the middle of a straight line falls
 * inside it (radius about √(d/2) halfway between two independent draws), where the decoder has
 * seen few codes. Spherical interpolation (White, "Sampling generative networks", 2016) stays on
 * the shell.
 */
export type InterpolationKind = 'linear' | 'spherical';

const norm = (v: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
};

/** The point a fraction t of the way from a to b on the straight line. */
export function lerp(a: ArrayLike<number>, b: ArrayLike<number>, t: number): Float32Array {
  const out = new Float32Array(a.length);
  if (t === 0 || t === 1) return endpoint(a, b, t);
  for (let i = 0; i < a.length; i++) out[i] = a[i] + (b[i] - a[i]) * t;
  return out;
}

/**
 * The point a fraction t of the way from a to b along the great circle: the direction turns at a
 * constant rate and the length moves linearly from |a| to |b|, so every point's length lies between
 * the two ends'. Ends that point the same or opposite way (no single great circle) fall back to
 * the straight line; a zero end too.
 */
export function slerp(a: ArrayLike<number>, b: ArrayLike<number>, t: number): Float32Array {
  if (t === 0 || t === 1) return endpoint(a, b, t);
  const na = norm(a);
  const nb = norm(b);
  if (na === 0 || nb === 0) return lerp(a, b, t);
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += (a[i] / na) * (b[i] / nb);
  const omega = Math.acos(Math.min(1, Math.max(-1, dot)));
  const sinOmega = Math.sin(omega);
  if (sinOmega < 1e-6) return lerp(a, b, t);
  const wa = Math.sin((1 - t) * omega) / sinOmega;
  const wb = Math.sin(t * omega) / sinOmega;
  const radius = na + (nb - na) * t;
  const out = new Float32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = radius * (wa * (a[i] / na) + wb * (b[i] / nb));
  return out;
}

/** The ends themselves, bit for bit: a path must start and stop on the chosen codes. */
function endpoint(a: ArrayLike<number>, b: ArrayLike<number>, t: number): Float32Array {
  return Float32Array.from(t === 0 ? a : b);
}

/** steps codes from a to b (both included), one after another, by the chosen kind of path. */
export function interpolationPath(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  steps: number,
  kind: InterpolationKind,
): Float32Array {
  const size = a.length;
  const out = new Float32Array(steps * size);
  const at = kind === 'spherical' ? slerp : lerp;
  for (let s = 0; s < steps; s++) out.set(at(a, b, steps === 1 ? 0 : s / (steps - 1)), s * size);
  return out;
}
