import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { toTrainerSchema } from '../../../shared/contract/trainerProtocol';
import { getPreset } from '../../../shared/presets';
import { loadBalancedDigits } from '../data/mnist';
import { buildModel, type BuiltModel } from '../model';
import { walkChain } from './chainWalk';
import { countWinners } from './winnerCounts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const built = (id: string): BuiltModel => {
  const b = buildModel(getPreset(id)!.graph);
  if (!b.ok) throw new Error(b.error.message);
  return b.value;
};

const walk = async (
  m: BuiltModel,
  start: 'noise' | number,
  seed: number,
  sample: Float32Array | null,
) => {
  const message = toTrainerSchema.parse({
    type: 'chainWalk',
    requestId: 1,
    runId: 'r',
    start,
    sample,
    steps: 6,
    seed,
  });
  if (message.type !== 'chainWalk') throw new Error('not a walk');
  const reply = await walkChain(m, message);
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value;
};

describe('the denoising chain walk', () => {
  it('returns steps + 1 frames of the sample size, the same for a seed, changing from step to step', async () => {
    const m = built('denoising-chain');
    const a = await walk(m, 'noise', 42, null);
    expect(a.count).toBe(7);
    expect(a.frames.length).toBe(7 * 784);
    expect(a.shape).toEqual([784]);
    expect(a.corruption).toContain('noise');
    expect(Array.from((await walk(m, 'noise', 42, null)).frames)).toEqual(Array.from(a.frames));
    expect(Array.from((await walk(m, 'noise', 43, null)).frames)).not.toEqual(Array.from(a.frames));
    for (let t = 1; t < 7; t++) {
      const before = a.frames.subarray((t - 1) * 784, t * 784);
      const now = a.frames.subarray(t * 784, (t + 1) * 784);
      expect(
        now.some((v, i) => v !== before[i]),
        `frame ${t}`,
      ).toBe(true);
    }
    const digit = (await loadBalancedDigits(1)).images;
    const fromSample = await walk(m, 0, 1, digit);
    expect(Array.from(fromSample.frames.subarray(0, 784))).toEqual(Array.from(digit));
    m.dispose();
  });

  it('refuses in words a design without noise to corrupt with', async () => {
    const m = built('default');
    const message = toTrainerSchema.parse({
      type: 'chainWalk',
      requestId: 1,
      runId: 'r',
      start: 'noise',
      steps: 3,
      seed: 1,
    });
    const reply = await walkChain(m, message as Extract<typeof message, { type: 'chainWalk' }>);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.message).toContain('no noise layer');
    m.dispose();
  });
});

describe('the winner counts of a winner-take-all code', () => {
  it('counts, per code unit, the samples it wins on, with its feature picture', async () => {
    const m = built('wta');
    const digits = await loadBalancedDigits(50);
    const reply = await countWinners(m, digits.images, 50);
    if (!reply.ok) throw new Error(reply.error.message);
    const r = reply.value;
    // The preset keeps each digit's 25 largest values (top-k).
    expect(r.rule).toBe('top-k');
    expect(r.units).toBe(256);
    expect(r.kept).toBe(25);
    expect(r.wins.length).toBe(256);
    expect(r.wins.reduce((a, b) => a + b, 0)).toBe(50 * r.kept);
    expect(r.features?.length).toBe(256 * 784);
    expect(r.featureShape).toEqual([28, 28]);
    expect(r.featureDirection).toBe('out');
    m.dispose();
  });

  it('refuses in words a code without winners', async () => {
    const m = built('sparse-l1');
    const reply = await countWinners(m, (await loadBalancedDigits(2)).images, 2);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.message).toContain('Winners take all');
    m.dispose();
  });
});
