import { gaussianSampler } from './gaussian';
import { QuadTree } from './quadtree';
import { affinities, type Affinities } from './tsneAffinities';

/**
 * t-SNE (van der Maaten & Hinton 2008), seeded so the same codes and seed always give the same
 * figure. Sparse input affinities (3·perplexity neighbours) and Barnes-Hut repulsion
 * (van der Maaten 2014), O(N log N) a step. Run it step by step (a worker reports progress between steps) or
 * all at once with `tsne`.
 */
export interface TsneOptions {
  perplexity?: number;
  iterations?: number;
  seed?: number;
  /** Steps with the affinities multiplied by `exaggeration`, so clusters form first. */
  exaggerationSteps?: number;
  exaggeration?: number;
  /** Barnes-Hut accuracy: 0 sums every pair exactly; 0.5 is the usual trade. */
  theta?: number;
}

export interface TsneRun {
  count: number;
  /** The layout, x and y after each other; changes in place with every step. */
  y: Float64Array;
  iteration: number;
  iterations: number;
  affinities: Affinities;
  velocity: Float64Array;
  gains: Float64Array;
  gradient: Float64Array;
  learningRate: number;
  exaggerationSteps: number;
  exaggeration: number;
  theta: number;
  tree: QuadTree;
  repulsion: Float64Array;
  stack: Int32Array;
}

const DEFAULTS = {
  perplexity: 30,
  iterations: 600,
  seed: 1,
  exaggerationSteps: 200,
  exaggeration: 12,
  theta: 0.6,
};

/** Prepares a run: affinities (the slow O(N²·dim) part) and a seeded small random start. */
export function tsneStart(
  data: Float32Array,
  count: number,
  dim: number,
  options: TsneOptions = {},
): TsneRun {
  const o = { ...DEFAULTS, ...options };
  const normal = gaussianSampler(o.seed);
  const y = new Float64Array(count * 2);
  for (let n = 0; n < y.length; n++) y[n] = normal() * 1e-4;
  return {
    count,
    y,
    iteration: 0,
    iterations: o.iterations,
    affinities: count > 1 ? affinities(data, count, dim, o.perplexity) : emptyAffinities(),
    velocity: new Float64Array(count * 2),
    gains: new Float64Array(count * 2).fill(1),
    gradient: new Float64Array(count * 2),
    // The rate that scales with the number of points (Belkina et al. 2019; openTSNE's 'auto').
    learningRate: Math.max(count / o.exaggeration / 4, 50),
    exaggerationSteps: o.exaggerationSteps,
    exaggeration: o.exaggeration,
    theta: o.theta,
    tree: new QuadTree(count * 8 + 16),
    repulsion: new Float64Array(count * 2),
    // Depth-first: at most three siblings wait per level of the tree.
    stack: new Int32Array(4 * 64 + 16),
  };
}

const emptyAffinities = (): Affinities => ({
  i: new Int32Array(0),
  j: new Int32Array(0),
  p: new Float64Array(0),
});

/** One gradient step with momentum and per-coordinate gains; false once the run is done. */
export function tsneStep(run: TsneRun): boolean {
  if (run.iteration >= run.iterations) return false;
  const { count, y, gradient: grad, affinities: P } = run;
  const early = run.iteration < run.exaggerationSteps;
  const exaggeration = early ? run.exaggeration : 1;
  grad.fill(0);
  // Repulsion: q_ij·Z = 1 / (1 + d²); the forces need Z, the sum over all pairs, so they are
  // gathered unnormalised and divided once at the end.
  const rep = run.repulsion;
  rep.fill(0);
  run.tree.build(y, count);
  let z = 0;
  for (let a = 0; a < count; a++)
    z += run.tree.repel(a, y[a * 2], y[a * 2 + 1], run.theta, rep, run.stack);
  for (let n = 0; n < count * 2; n++) grad[n] = (-4 * rep[n]) / Math.max(z, 1e-12);
  for (let e = 0; e < P.p.length; e++) {
    const a = P.i[e];
    const b = P.j[e];
    const dx = y[a * 2] - y[b * 2];
    const dy = y[a * 2 + 1] - y[b * 2 + 1];
    const f = (4 * exaggeration * P.p[e]) / (1 + dx * dx + dy * dy);
    grad[a * 2] += f * dx;
    grad[a * 2 + 1] += f * dy;
    grad[b * 2] -= f * dx;
    grad[b * 2 + 1] -= f * dy;
  }
  const momentum = early ? 0.5 : 0.8;
  const { velocity, gains } = run;
  for (let n = 0; n < count * 2; n++) {
    // Delta-bar-delta gains: grow where the step keeps its direction, shrink where it flips.
    gains[n] =
      Math.sign(grad[n]) !== Math.sign(velocity[n])
        ? gains[n] + 0.2
        : Math.max(0.01, gains[n] * 0.8);
    velocity[n] = momentum * velocity[n] - run.learningRate * gains[n] * grad[n];
    y[n] += velocity[n];
  }
  recenter(y, count);
  run.iteration++;
  return run.iteration < run.iterations;
}

function recenter(y: Float64Array, count: number) {
  let mx = 0;
  let my = 0;
  for (let n = 0; n < count; n++) {
    mx += y[n * 2];
    my += y[n * 2 + 1];
  }
  mx /= Math.max(1, count);
  my /= Math.max(1, count);
  for (let n = 0; n < count; n++) {
    y[n * 2] -= mx;
    y[n * 2 + 1] -= my;
  }
}

/** The whole run at once; `onProgress` hears (steps done, steps in all) every `every` steps. */
export function tsne(
  data: Float32Array,
  count: number,
  dim: number,
  options: TsneOptions = {},
  onProgress?: (done: number, total: number) => void,
  every = 50,
): Float32Array {
  const run = tsneStart(data, count, dim, options);
  while (tsneStep(run))
    if (run.iteration % every === 0) onProgress?.(run.iteration, run.iterations);
  onProgress?.(run.iteration, run.iterations);
  return Float32Array.from(run.y);
}
