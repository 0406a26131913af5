import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GreedyProcedure } from '../../../../shared/contract/training';
import type { GraphDocument } from '../../../../shared/graph/document';
import { getPreset } from '../../../../shared/presets';
import { buildModel } from '../../model';
import { planGreedy } from './greedyPlan';
import { PROCEDURE_MESSAGES as M } from './messages';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const pair = (encoderNodeId: string, decoderNodeId: string, label = 'pair') => ({
  label,
  encoderNodeId,
  decoderNodeId,
  epochs: 1,
});
const greedy = (...phases: ReturnType<typeof pair>[]): GreedyProcedure => ({
  kind: 'greedy',
  phases,
  fineTuneEpochs: 0,
});

function plan(graph: GraphDocument, procedure: GreedyProcedure) {
  const built = buildModel(graph);
  if (!built.ok) throw new Error(built.error.message);
  try {
    return planGreedy(built.value, procedure);
  } finally {
    built.value.dispose();
  }
}

const stack = getPreset('greedy')!.graph;

describe('planning greedy phases', () => {
  it('splits the stack outside in: the outer pair on the images, the inner pair on the 128 codes', () => {
    const result = plan(
      stack,
      greedy(pair('enc1', 'dec2', 'outer'), pair('enc2', 'dec1', 'inner')),
    );
    expect(result).toEqual({
      ok: true,
      phases: [
        {
          label: 'outer',
          layers: ['encoder_1', 'decoder_2'],
          encoderCount: 1,
          inputShape: [784],
          epochs: 1,
        },
        {
          label: 'inner',
          layers: ['code', 'decoder_1'],
          encoderCount: 1,
          inputShape: [128],
          epochs: 1,
        },
      ],
    });
  });

  it('gives the innermost phase what lies between its pair, such as a Code node', () => {
    const result = plan(
      getPreset('stacked')!.graph,
      greedy(pair('enc1', 'dec2'), pair('enc2', 'dec1')),
    );
    expect(result.ok && result.phases[1].layers).toEqual(['encoder_2', 'code', 'decoder_1']);
  });

  it('names the phase and the id when a phase names a layer the design lacks', () => {
    const result = plan(
      stack,
      greedy(pair('enc1', 'dec2', 'outer'), pair('enc9', 'dec1', 'inner')),
    );
    expect(result).toEqual({ ok: false, message: M.E_PHASE_NODE('inner', 'encoder', 'enc9') });
  });

  it('reports a pair whose sizes do not mirror, with both layers and sizes', () => {
    const result = plan(stack, greedy(pair('enc1', 'dec1', 'wrong')));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toBe(
      M.E_PHASE_MIRROR('wrong', 'encoder 1', [784], 'decoder 1', [128]),
    );
  });

  it('asks for phases ordered outside in', () => {
    const result = plan(
      stack,
      greedy(pair('enc2', 'dec1', 'inner'), pair('enc1', 'dec2', 'outer')),
    );
    expect(result).toEqual({ ok: false, message: M.E_PHASE_ORDER('outer', 'inner') });
    expect(plan(stack, greedy(pair('dec1', 'enc2', 'swapped')))).toEqual({
      ok: false,
      message: M.E_PHASE_ORDER('swapped', null),
    });
  });

  it('refuses a design that branches (a variational autoencoder)', () => {
    const vae = getPreset('vae')!.graph;
    const result = plan(vae, greedy(pair(vae.nodes[1].id, vae.nodes.at(-2)!.id)));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/branches at/);
  });

  it('refuses a classifier', () => {
    const result = plan(getPreset('classifier-reuse')!.graph, greedy(pair('enc1', 'enc2')));
    expect(result).toEqual({ ok: false, message: M.E_PHASE_TASK() });
  });
});
