import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BackendInfo } from '../../../../shared/contract/commands';
import type { ReuseEncoderProcedure, TrainSettings } from '../../../../shared/contract/training';
import type { GraphDocument } from '../../../../shared/graph/document';
import { getPreset } from '../../../../shared/presets';
import type { PreparedData } from '../../data/dataset';
import { prepareData } from '../../data/prepare';
import { buildModel, type BuiltModel } from '../../model';
import { initBackend } from '../../tf/backend';
import { PROCEDURE_MESSAGES as M, REUSE_LABELS, runProcedure } from '.';
import { control, recorder } from './testing';

const preset = getPreset('classifier-reuse')!;
// Four epochs of pretraining on 2,700 digits in batches of 32; the classifiers then take ten steps
// an epoch on the 100 labels. Measured over 15 runs: pretrained 0.56-0.61, scratch 0.29-0.36.
const settings: TrainSettings = { ...preset.settings, epochs: 4, batchSize: 32 };
const reuse: ReuseEncoderProcedure = {
  kind: 'reuse-encoder',
  pretrainPresetId: 'default',
  labelledCount: 100,
};
let backend: BackendInfo;
let data: PreparedData;

beforeAll(async () => {
  backend = await initBackend('wasm');
  data = await prepareData({ ...preset.data, limit: 3000 });
});

function build(graph: GraphDocument): BuiltModel {
  const built = buildModel(graph);
  if (!built.ok) throw new Error(built.error.message);
  return built.value;
}

const argsOf = (
  built: BuiltModel,
  graph = preset.graph,
  overrides: Partial<TrainSettings> = {},
) => ({
  runId: 'reuse',
  built,
  settings: { ...settings, ...overrides },
  data,
  inputShape: [784],
  backend,
  graph,
});

describe('encoder reuse under a classifier', () => {
  it('with 100 labels, beats the same classifier trained from scratch on validation accuracy', async () => {
    const before = tf.memory().numTensors;
    const built = build(preset.graph);
    const events = recorder();

    const outcome = await runProcedure(reuse, argsOf(built), events.emit, control());

    expect(outcome).toMatchObject({ status: 'completed', epochsCompleted: 12 });
    expect(events.of('train.phase').map((p) => p.label)).toEqual([...REUSE_LABELS]);
    const [comparison] = events.of('train.comparison');
    expect(comparison.labelled).toBe(100);
    expect(comparison.pretrained).toBeGreaterThan(comparison.scratch + 0.05);
    const accuracies = events.of('train.epoch').filter((e) => e.phase !== 1);
    expect(accuracies.map((e) => e.phase)).toEqual([2, 2, 2, 2, 3, 3, 3, 3]);
    expect(accuracies.every((e) => typeof e.metrics?.valAccuracy === 'number')).toBe(true);
    expect(accuracies[3].metrics?.valAccuracy).toBeCloseTo(comparison.pretrained, 6);
    expect(accuracies[7].metrics?.valAccuracy).toBeCloseTo(comparison.scratch, 6);
    built.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('keeps the frozen encoder layers at their pretrained values while the head learns', async () => {
    const built = build(preset.graph);
    const initial = built.model.getLayer('encoder_1').getWeights()[0].dataSync().slice(0, 50);
    const events = recorder();
    let encoderAfterPretraining: Float32Array | null = null;
    const emit: typeof events.emit = (name, payload) => {
      events.emit(name, payload);
      if (name === 'train.phase' && (payload as { index: number }).index === 3) {
        encoderAfterPretraining = built.model
          .getLayer('encoder_1')
          .getWeights()[0]
          .dataSync()
          .slice(0, 50) as Float32Array;
      }
    };
    await runProcedure(reuse, argsOf(built, preset.graph, { epochs: 1 }), emit, control());
    const final = built.model.getLayer('encoder_1').getWeights()[0].dataSync().slice(0, 50);
    expect(encoderAfterPretraining).not.toEqual(initial);
    expect(final).toEqual(encoderAfterPretraining);
    built.dispose();
  });

  it('ends as stopped when stopped while the pretrained classifier trains', async () => {
    const built = build(preset.graph);
    const steer = control();
    const phases: number[] = [];
    const emit = ((name: string, payload: { index: number }) => {
      if (name === 'train.phase') phases.push(payload.index);
      if (name === 'train.progress' && phases.at(-1) === 2) steer.stop();
    }) as Parameters<typeof runProcedure>[2];
    const outcome = await runProcedure(
      reuse,
      argsOf(built, preset.graph, { epochs: 1 }),
      emit,
      steer,
    );
    expect(outcome).toMatchObject({ status: 'stopped', epochsCompleted: 1 });
    expect(phases).toEqual([1, 2]);
    built.dispose();
  });

  it('fails before pretraining when a classifier layer has no twin in the pretrained model', async () => {
    const graph = structuredClone(preset.graph);
    graph.nodes.find((n) => n.id === 'enc1')!.name = 'features';
    const built = build(graph);
    const events = recorder();
    const outcome = await runProcedure(reuse, argsOf(built, graph), events.emit, control());
    expect(outcome).toEqual({
      status: 'failed',
      message: M.E_REUSE_LAYER('features', 'default'),
      epochsCompleted: 0,
    });
    expect(events.events).toEqual([]);
    built.dispose();
  });

  it('fails with words for an unknown preset and for a design without a classifier', async () => {
    const built = build(preset.graph);
    const unknown = await runProcedure(
      { ...reuse, pretrainPresetId: 'nope' },
      argsOf(built),
      () => undefined,
      control(),
    );
    expect(unknown).toMatchObject({ status: 'failed', message: M.E_PRETRAIN_PRESET('nope') });
    built.dispose();
    const autoencoder = getPreset('default')!.graph;
    const plain = build(autoencoder);
    const outcome = await runProcedure(
      reuse,
      argsOf(plain, autoencoder),
      () => undefined,
      control(),
    );
    expect(outcome).toMatchObject({ status: 'failed', message: M.E_REUSE_TASK() });
    plain.dispose();
  });
});
