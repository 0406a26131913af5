/**
 * The Lab's latent plane: a centre and two directions in code space. A code lands on it at
 * ((x - centre)·u, (x - centre)·v); for a variational code, its Gaussian N(mean, diag(variance))
 * lands as an ellipse whose axes come from the 2x2 covariance on the plane.
 */

export interface PlaneBasis {
  centre: Float64Array;
  /** Two unit directions of the code's length, one after the other. */
  directions: Float64Array;
  size: number;
}

/** The plane of two code values themselves (the Generate view's plane): no centring. */
export function axisPlane(size: number, dims: [number, number]): PlaneBasis {
  const directions = new Float64Array(2 * size);
  directions[dims[0]] = 1;
  if (size > 1) directions[size + dims[1]] = 1;
  return { centre: new Float64Array(size), directions, size };
}

/** Where a code lands on the plane. */
export function placeOnPlane(basis: PlaneBasis, code: ArrayLike<number>): [number, number] {
  const { centre, directions, size } = basis;
  let x = 0;
  let y = 0;
  for (let j = 0; j < size; j++) {
    const d = code[j] - centre[j];
    x += d * directions[j];
    y += d * directions[size + j];
  }
  return [x, y];
}

/** Every code of `count` placed on the plane, x and y after each other. */
export function placeAll(basis: PlaneBasis, codes: Float32Array, count: number): Float32Array {
  const out = new Float32Array(count * 2);
  for (let i = 0; i < count; i++) {
    const [x, y] = placeOnPlane(basis, codes.subarray(i * basis.size, (i + 1) * basis.size));
    out[i * 2] = x;
    out[i * 2 + 1] = y;
  }
  return out;
}

export interface Ellipse {
  /** Half-lengths of the axes at one standard deviation, longest first. */
  radii: [number, number];
  /** The angle of the long axis from the plane's x axis, in radians. */
  angle: number;
}

/**
 * The one-standard-deviation ellipse of N(·, diag(variance)) seen on the plane: the covariance
 * there is D·diag(variance)·Dᵀ for the plane's two directions D, and its eigenvectors are the axes.
 */
export function varianceEllipse(basis: PlaneBasis, variance: ArrayLike<number>): Ellipse {
  const { directions: d, size } = basis;
  let a = 0;
  let b = 0;
  let c = 0;
  for (let j = 0; j < size; j++) {
    const u = d[j];
    const v = d[size + j];
    a += u * u * variance[j];
    b += u * v * variance[j];
    c += v * v * variance[j];
  }
  const mid = (a + c) / 2;
  const spread = Math.sqrt(((a - c) / 2) ** 2 + b * b);
  const big = mid + spread;
  const small = Math.max(0, mid - spread);
  // The eigenvector of `big` is (b, big - a); atan2(0, 0) = 0 covers a round or x-long ellipse.
  return { radii: [Math.sqrt(big), Math.sqrt(small)], angle: Math.atan2(big - a, b) };
}

/** exp of each log-variance: the variance a VAE's encoder gives each code value. */
export const varianceOf = (logVar: ArrayLike<number>): Float32Array =>
  Float32Array.from(logVar, (v) => Math.exp(v));
