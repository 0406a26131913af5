import type { PriorSpec } from '../../../shared/compiler/game';
import type { GridBitmap } from '../recon/imageGrid';

/** A square window on the code plane: x and y from -half to +half. */
export interface CodeWindow {
  half: number;
}

/** The prior's density at (x, y), over its first two dimensions (they are independent). */
export function priorDensity(prior: PriorSpec, x: number, y: number): number {
  const s = prior.spread;
  if (prior.distribution === 'uniform') {
    return Math.abs(x) <= s && Math.abs(y) <= s ? 1 / (4 * s * s) : 0;
  }
  return Math.exp(-(x * x + y * y) / (2 * s * s)) / (2 * Math.PI * s * s);
}

/**
 * Where a normal prior's density is at 1, 2 and 3 standard deviations from the centre, as a share
 * of its peak: the contour lines drawn (39%, 86% and 99% of the samples lie inside them).
 */
export const SIGMA_LEVELS = [1, 2, 3].map((k) => Math.exp((-k * k) / 2));

/**
 * The window that shows the prior and the codes: the prior out to 3.5 standard deviations (or the
 * uniform square with a margin), widened to take in all but the farthest 1% of codes.
 */
export function codeWindow(
  prior: PriorSpec,
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
): CodeWindow {
  const base = prior.distribution === 'uniform' ? prior.spread * 1.4 : prior.spread * 3.5;
  const far: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    const m = Math.max(Math.abs(xs[i]), Math.abs(ys[i]));
    if (Number.isFinite(m)) far.push(m);
  }
  far.sort((a, b) => a - b);
  const reach = far.length
    ? far[Math.min(far.length - 1, Math.floor(far.length * 0.99))] * 1.08
    : 0;
  return { half: Math.max(base, reach) };
}

/**
 * The density behind the scatter as a heat bitmap (dark where the prior has no mass, bright at its
 * peak) with contour lines at 1, 2 and 3 standard deviations for a normal prior, and the edge of
 * the square for a uniform one. `size` pixels square; y grows upwards as on a plot.
 */
export function densityShading(prior: PriorSpec, window: CodeWindow, size: number): GridBitmap {
  const rgba = new Uint8ClampedArray(size * size * 4);
  const peak = priorDensity(prior, 0, 0);
  const share = (px: number, py: number) => {
    const x = ((px + 0.5) / size) * 2 * window.half - window.half;
    const y = window.half - ((py + 0.5) / size) * 2 * window.half;
    return priorDensity(prior, x, y) / peak;
  };
  const band = (v: number) => SIGMA_LEVELS.filter((l) => v >= l).length;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const v = share(px, py);
      // A line where the band changes from the pixel to the left or above.
      const edge =
        (px > 0 && band(share(px - 1, py)) !== band(v)) ||
        (py > 0 && band(share(px, py - 1)) !== band(v));
      const [r, g, b] = edge ? CONTOUR : heat(v);
      const i = (py * size + px) * 4;
      rgba[i] = r;
      rgba[i + 1] = g;
      rgba[i + 2] = b;
      rgba[i + 3] = 255;
    }
  }
  return { width: size, height: size, rgba };
}

const CONTOUR = [150, 160, 190] as const;
const LOW = [18, 22, 32];
const HIGH = [58, 92, 150];

/** The shade for a share of the peak density: the dark panel colour to a muted blue. */
export function heat(share: number): [number, number, number] {
  const t = Math.sqrt(Math.max(0, Math.min(1, share)));
  return [0, 1, 2].map((k) => Math.round(LOW[k] + (HIGH[k] - LOW[k]) * t)) as [
    number,
    number,
    number,
  ];
}

/** The first two values of each code, as x and y lists (a wider code shows its first two). */
export function firstTwo(codes: Float32Array, codeSize: number, count: number) {
  const xs = new Float32Array(count);
  const ys = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    xs[i] = codes[i * codeSize];
    ys[i] = codeSize > 1 ? codes[i * codeSize + 1] : 0;
  }
  return { xs, ys };
}

/** Mean and standard deviation of one list, for "codes: mean 0.03, sd 0.97" beside the prior's. */
export function meanAndSd(values: ArrayLike<number>) {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) continue;
    sum += values[i];
    n++;
  }
  const mean = n ? sum / n : 0;
  let sq = 0;
  for (let i = 0; i < values.length; i++)
    if (Number.isFinite(values[i])) sq += (values[i] - mean) ** 2;
  return { mean, sd: n ? Math.sqrt(sq / n) : 0 };
}
