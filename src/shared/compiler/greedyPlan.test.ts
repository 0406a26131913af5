import { describe, expect, it } from 'vitest';
import type { GreedyProcedure } from '../contract/training';
import { getPreset } from '../presets';
import { compileGraph } from '.';
import { planGreedy, shapesOf } from './greedyPlan';
import { planKerasPhases } from '../export/kerasGreedyPlan';
import { planGreedyPhases } from '../export/pytorch/greedyPlan';

const pair = (encoderNodeId: string, decoderNodeId: string, label: string) => ({
  label,
  encoderNodeId,
  decoderNodeId,
  epochs: 2,
});
const greedy = (...phases: ReturnType<typeof pair>[]): GreedyProcedure => ({
  kind: 'greedy',
  phases,
  fineTuneEpochs: 0,
});

const compiled = (id: string) => {
  const c = compileGraph(getPreset(id)!.graph);
  if (!c.ok) throw new Error(`preset ${id} does not compile`);
  return c;
};

describe('the one greedy planner', () => {
  it('splits the stack outside in, with shapes from the analysis alone', () => {
    const { spec, analysis } = compiled('greedy');
    const plan = planGreedy(
      spec,
      shapesOf(spec, analysis),
      greedy(pair('enc1', 'dec2', 'outer'), pair('enc2', 'dec1', 'inner')),
    );
    expect(plan).toEqual({
      ok: true,
      phases: [
        {
          label: 'outer',
          layers: ['encoder_1', 'decoder_2'],
          encoderCount: 1,
          inputShape: [784],
          epochs: 2,
        },
        {
          label: 'inner',
          layers: ['code', 'decoder_1'],
          encoderCount: 1,
          inputShape: [128],
          epochs: 2,
        },
      ],
    });
  });

  it('names why a pair does not mirror, and the Keras and PyTorch scripts say the same reason', () => {
    const { spec, analysis } = compiled('greedy');
    const procedure = greedy(pair('enc1', 'dec1', 'wrong'));
    const plan = planGreedy(spec, shapesOf(spec, analysis), procedure);
    expect(plan).toMatchObject({
      ok: false,
      why: { code: 'mirror', phase: 'wrong', takes: [784] },
    });
    expect(planKerasPhases(spec, analysis, procedure)).toEqual({
      ok: false,
      reason: "phase 'wrong' does not give back what it takes in",
    });
    const torch = planGreedyPhases(spec, analysis, procedure);
    expect(!torch.ok && torch.error.message).toContain(
      "phase 'wrong' does not give back what it takes in",
    );
  });

  it('refuses a design whose layers branch (a VAE)', () => {
    const { spec, analysis } = compiled('vae');
    const plan = planGreedy(spec, shapesOf(spec, analysis), greedy(pair('a', 'b', 'p')));
    expect(plan).toMatchObject({ ok: false, why: { code: 'chain' } });
  });
});
