import { describe, expect, it } from 'vitest';
import { lossScales, runCurves } from './lossChartModel';
import { termScale, withoutTerms } from './termsChartModel';

// A VAE's epochs: a total near 0.2, a KL term near 0.005 that still falls by half.
const epochs = [1, 2, 3, 4].map((x) => ({
  x,
  trainLoss: 0.3 - x * 0.02,
  valLoss: 0.31 - x * 0.02,
  terms: { kl: 0.008 - x * 0.001 },
}));
const frame = { width: 400, height: 200, margin: { top: 10, right: 10, bottom: 30, left: 50 } };

describe('extra loss terms on their own axis', () => {
  it('keeps the total loss axis to the train and validation curves', () => {
    const curves = runCurves(epochs as never);
    const main = lossScales([], withoutTerms(curves), 4, frame);
    // Without the KL near 0.005 the total's axis need not reach down to 0.
    expect(main.y.domain()[0]).toBeGreaterThan(0.1);
  });

  it('draws a falling KL term across most of its own chart, not as a flat line at 0', () => {
    const kl = runCurves(epochs as never).filter((c) => c.kind === 'term');
    const y = termScale(kl, 4, 80);
    const first = y(kl[0].points[0].y);
    const last = y(kl[0].points[3].y);
    expect(first - last).toBeLessThan(0); // higher on screen means a smaller pixel y
    expect(Math.abs(first - last)).toBeGreaterThan(0.5 * 76);
  });

  it('on the shared axis the same KL term moved by less than a tenth of the height', () => {
    // The finding this replaces: one axis for total and terms flattens the KL to the floor.
    const curves = runCurves(epochs as never);
    const shared = lossScales([], curves, 4, frame);
    const kl = curves.find((c) => c.kind === 'term')!;
    const moved = Math.abs(shared.y(kl.points[0].y) - shared.y(kl.points[3].y));
    expect(moved).toBeLessThan(0.1 * (frame.height - 40));
  });

  it('spans positive values on a log axis too', () => {
    const kl = runCurves(epochs as never).filter((c) => c.kind === 'term');
    const [lo, hi] = termScale(kl, 0, 80, true).domain();
    expect(lo).toBeGreaterThan(0);
    expect(hi).toBeGreaterThanOrEqual(0.007);
  });
});
