import { describe, expect, it } from 'vitest';
import type { GameEpoch } from '../../../shared/project/gameRecord';
import {
  describeStanding,
  epochScales,
  judgeCurves,
  latestDiversity,
  playerLossCurves,
} from './gameChartModel';
import { gameKindOf, priorOf } from './gameKind';

const epoch = (n: number, over: Partial<GameEpoch> = {}): GameEpoch => ({
  epoch: n,
  discriminatorLoss: 1.2,
  generatorLoss: 0.8,
  dReal: 0.7,
  dFake: 0.3,
  diversity: 1,
  ...over,
});
const frame = { width: 400, height: 200, margin: { top: 10, right: 10, bottom: 30, left: 40 } };

describe('the game charts', () => {
  it('draws D(real) and D(fake) per epoch counted from 1, whatever the trainer numbers from', () => {
    const [real, fake] = judgeCurves([epoch(0), epoch(1, { dReal: 0.6, dFake: 0.45 })], 0);
    expect(real.label).toBe('D(real)');
    expect(real.points).toEqual([
      { x: 1, y: 0.7 },
      { x: 2, y: 0.6 },
    ]);
    expect(fake.points.map((p) => p.y)).toEqual([0.3, 0.45]);
  });

  it('keeps the D axis from 0 to 1 with 0.5 in the middle, whatever the values', () => {
    const s = epochScales(judgeCurves([epoch(1, { dReal: 0.99 })], 1), 10, frame, [0, 1]);
    expect(s.y.domain()).toEqual([0, 1]);
    expect(s.y(0.5)).toBeCloseTo((frame.margin.top + frame.height - frame.margin.bottom) / 2);
    expect(s.x.domain()).toEqual([0, 10]);
  });

  it('lets a minimax generator loss go below 0 and keeps others from 0 up', () => {
    const neg = epochScales(playerLossCurves([epoch(1, { generatorLoss: -0.7 })], 1), 5, frame);
    expect(neg.y.domain()[0]).toBeLessThan(-0.7);
    const pos = epochScales(playerLossCurves([epoch(1)], 1), 5, frame);
    expect(pos.y.domain()[0]).toBeGreaterThanOrEqual(0);
  });

  it('skips measures that were not numbers and says how the game stands in words', () => {
    const [dLoss] = playerLossCurves([epoch(1, { discriminatorLoss: NaN }), epoch(2)], 1);
    expect(dLoss.points).toEqual([{ x: 2, y: 1.2 }]);
    expect(describeStanding(epoch(1, { dReal: 0.52, dFake: 0.47 }))).toMatch(/hardly tell/);
    expect(describeStanding(epoch(1, { dReal: 0.95, dFake: 0.05 }))).toMatch(/easily/);
    expect(
      latestDiversity([epoch(1), epoch(2, { diversity: 0.1 }), epoch(3, { diversity: null })]),
    ).toEqual({
      epoch: 2,
      diversity: 0.1,
    });
  });

  it('tells a GAN from an adversarial autoencoder by its Output node, and reads the Prior', () => {
    const node = (id: string, kind: string, params = {}) => ({
      id,
      kind,
      name: id,
      params,
      position: { x: 0, y: 0 },
    });
    const gan = {
      nodes: [
        node('p', 'Prior', { size: 64, distribution: 'uniform', spread: 2 }),
        node('a', 'Adversary'),
      ],
    };
    const aae = { nodes: [...gan.nodes, node('o', 'Output')] };
    type Doc = Parameters<typeof gameKindOf>[0];
    expect(gameKindOf(gan as unknown as Doc)).toBe('gan');
    expect(gameKindOf(aae as unknown as Doc)).toBe('aae');
    expect(gameKindOf({ nodes: [node('o', 'Output')] } as unknown as Doc)).toBeNull();
    expect(priorOf(gan as unknown as Doc)).toEqual({
      distribution: 'uniform',
      size: 64,
      spread: 2,
    });
  });
});
