import { describe, expect, it } from 'vitest';
import type { EpochRecord } from '../stores/runState';
import { curvePath, lossScales, pastCurves, type ChartFrame } from './lossChartModel';
import { phaseSegments } from './phaseSegments';

const record = (phase: number | undefined, x: number, loss: number): EpochRecord => ({
  epoch: 1,
  x,
  trainLoss: loss,
  valLoss: loss * 1.1,
  terms: {},
  seconds: 1,
  ...(phase === undefined ? {} : { phase }),
});

const plan = [
  { label: 'outer pair', epochs: 1 },
  { label: 'inner pair', epochs: 1 },
  { label: 'Fine-tune the whole stack', epochs: 1 },
];
// The greedy preset with Epochs 1: cross-entropy of pixels, then MSE of codes, then pixels again.
const greedy = [record(1, 1, 0.3), record(2, 2, 3.0), record(3, 3, 0.1)];
const stage = { index: 3, label: plan[2].label, phases: plan };

const frame: ChartFrame = {
  width: 400,
  height: 200,
  margin: { top: 10, right: 10, bottom: 30, left: 40 },
};

describe('the loss chart of a procedure of several phases', () => {
  it('draws each phase as its own labelled segment, never one line from one phase to the next', () => {
    const segments = phaseSegments(greedy, [], stage);
    expect(segments.map((s) => [s.phase, s.label, s.from, s.to])).toEqual([
      [1, 'outer pair', 0, 1],
      [2, 'inner pair', 1, 2],
      [3, 'Fine-tune the whole stack', 2, 3],
    ]);
    for (const [i, s] of segments.entries()) {
      const train = s.curves.find((c) => c.kind === 'train')!;
      expect(train.points).toEqual([{ x: i + 1, y: greedy[i].trainLoss }]);
    }
    expect(segments[1].curves[0].label).toBe('inner pair · train');
    // Three separate paths: no segment joins 0.3 to 3.0.
    const scales = lossScales(
      [],
      segments.flatMap((s) => s.curves),
      3,
      frame,
    );
    const paths = segments.map((s) => curvePath(s.curves[0].points, scales));
    expect(paths.every((d) => !d.includes('L'))).toBe(true);
  });

  it('gives each phase its own batch losses and a started phase its part before its first epoch', () => {
    const batches = [0.5, 1, 1.5, 2, 2.25].map((x) => ({ x, loss: x }));
    const segments = phaseSegments(greedy.slice(0, 2), batches, stage);
    expect(segments.map((s) => s.label)).toEqual(plan.map((p) => p.label));
    expect(segments.map((s) => s.batches.map((b) => b.x))).toEqual([[0.5, 1], [1.5, 2], [2.25]]);
    expect(segments[2].to).toBe(Infinity);
  });

  it('keeps a run of one phase as one unlabelled segment', () => {
    const segments = phaseSegments(
      [record(undefined, 1, 0.3), record(undefined, 2, 0.2)],
      [],
      null,
    );
    expect(segments).toHaveLength(1);
    expect(segments[0].label).toBe('');
    expect(segments[0].curves[0].points).toHaveLength(2);
  });

  it('splits a past procedure run into one pair of lines per phase', () => {
    const past = pastCurves('r1', 'Run 1', greedy, 0);
    expect(past.map((c) => c.points.length)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(new Set(past.map((c) => c.key)).size).toBe(6);
  });
});
