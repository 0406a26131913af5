import { extent, scaleLinear } from 'd3';
import type { GameEpoch } from '../../../shared/project/gameRecord';
import type { ChartFrame, Curve, LossScales } from '../charts/lossChartModel';

/** Colours of the two players, the same in both charts: the discriminator warm, the generator cool. */
export const DISCRIMINATOR_COLOR = '#f2b84b';
export const GENERATOR_COLOR = '#38bdf8';

/** Epoch numbers as the person counts them (1 for the first), whatever the trainer numbers from. */
const xOf = (epoch: number, epochBase: number | null): number => epoch - (epochBase ?? 1) + 1;

/**
 * D(real) and D(fake) per epoch: the discriminator's mean output on real and on generated samples.
 * Real is drawn in the discriminator's colour, fake in the generator's (it is what G made).
 */
export function judgeCurves(epochs: readonly GameEpoch[], epochBase: number | null): Curve[] {
  return [
    curve('d-real', 'D(real)', 'train', DISCRIMINATOR_COLOR, epochs, epochBase, (e) => e.dReal),
    curve('d-fake', 'D(fake)', 'val', GENERATOR_COLOR, epochs, epochBase, (e) => e.dFake),
  ];
}

/** Each player's loss per epoch: the discriminator's (real and fake halves) and the generator's. */
export function playerLossCurves(epochs: readonly GameEpoch[], epochBase: number | null): Curve[] {
  return [
    curve(
      'd-loss',
      'discriminator',
      'train',
      DISCRIMINATOR_COLOR,
      epochs,
      epochBase,
      (e) => e.discriminatorLoss,
    ),
    curve('g-loss', 'generator', 'val', GENERATOR_COLOR, epochs, epochBase, (e) => e.generatorLoss),
  ];
}

function curve(
  key: string,
  label: string,
  kind: Curve['kind'],
  color: string,
  epochs: readonly GameEpoch[],
  epochBase: number | null,
  value: (e: GameEpoch) => number,
): Curve {
  const points = epochs
    .map((e) => ({ x: xOf(e.epoch, epochBase), y: value(e) }))
    .filter((p) => Number.isFinite(p.y));
  return { key, label, kind, color, points };
}

/**
 * The scales of an epoch chart: x from 0 to the run's epochs (the curves grow into a fixed frame),
 * y fixed when given (0..1 for probabilities) or spanning the values with a little room; a
 * minimax generator's loss is negative, so y goes below 0 only when a value does.
 */
export function epochScales(
  curves: readonly Curve[],
  lastEpoch: number,
  frame: ChartFrame,
  fixed?: readonly [number, number],
): LossScales {
  const { width, height, margin } = frame;
  const xs = curves.flatMap((c) => c.points.map((p) => p.x));
  const x = scaleLinear()
    .domain([0, Math.max(1, lastEpoch, ...xs)])
    .range([margin.left, width - margin.right]);
  const range = [height - margin.bottom, margin.top];
  if (fixed) return { x, y: scaleLinear().domain(fixed).range(range), log: false };
  const [lo = 0, hi = 1] = extent(curves.flatMap((c) => c.points.map((p) => p.y)));
  const pad = (hi - lo) * 0.1 || Math.abs(hi) * 0.1 || 0.1;
  const y = scaleLinear()
    .domain([lo >= 0 ? Math.max(0, lo - pad) : lo - pad, hi + pad])
    .range(range)
    .nice();
  return { x, y, log: false };
}

/** The latest diversity figure, with the epoch it was measured after; null before any. */
export function latestDiversity(epochs: readonly GameEpoch[]) {
  const last = epochs.filter((e) => e.diversity !== null).at(-1);
  return last ? { epoch: last.epoch, diversity: last.diversity as number } : null;
}

/**
 * How the game stands in words, from the latest epoch: the lecture's equilibrium has D near 0.5
 * on both; D sure of both means the generator is losing; D fooled means the discriminator is.
 */
export function describeStanding(e: GameEpoch | undefined): string {
  if (!e) return 'No epoch measured yet.';
  const gap = e.dReal - e.dFake;
  if (Math.abs(e.dReal - 0.5) < 0.15 && Math.abs(e.dFake - 0.5) < 0.15)
    return 'Both near 0.5: the discriminator can hardly tell real from generated.';
  if (gap > 0.5)
    return 'The discriminator tells them apart easily: the generator has much to learn.';
  if (gap < -0.1)
    return 'The discriminator rates generated samples above real ones: it is being fooled.';
  return 'The discriminator still tells them apart, by a margin.';
}
