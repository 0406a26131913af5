import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BackendInfo } from '../../../../shared/contract/commands';
import type { GreedyProcedure, TrainSettings } from '../../../../shared/contract/training';
import { getPreset } from '../../../../shared/presets';
import type { PreparedData } from '../../data/dataset';
import { prepareData } from '../../data/prepare';
import { buildModel, type BuiltModel } from '../../model';
import { initBackend } from '../../tf/backend';
import { evaluateAsync } from '../evaluate';
import { FINE_TUNE_LABEL, PROCEDURE_MESSAGES, runProcedure } from '.';
import { planGreedy } from './greedyPlan';
import { phaseModel } from './phaseModel';
import { control, recorder } from './testing';

const preset = getPreset('greedy')!;
const settings: TrainSettings = { ...preset.settings, batchSize: 64 };
let backend: BackendInfo;
let data: PreparedData;

beforeAll(async () => {
  backend = await initBackend('wasm');
  data = await prepareData({ ...preset.data, limit: 1500 });
});

const procedure = (epochs: number, fineTuneEpochs: number): GreedyProcedure => ({
  kind: 'greedy',
  phases: [
    { label: 'outer pair', encoderNodeId: 'enc1', decoderNodeId: 'dec2', epochs },
    { label: 'inner pair', encoderNodeId: 'enc2', decoderNodeId: 'dec1', epochs },
  ],
  fineTuneEpochs,
});

function build(): BuiltModel {
  const built = buildModel(preset.graph);
  if (!built.ok) throw new Error(built.error.message);
  return built.value;
}

const argsOf = (built: BuiltModel) => ({
  runId: 'greedy',
  built,
  settings,
  data,
  inputShape: [784],
  backend,
  graph: preset.graph,
});

describe('greedy layer-wise training', () => {
  it('stacks pairs trained one at a time into a model that reconstructs better than each phase started', async () => {
    const built = build();
    const untrained = (await evaluateAsync(built, data, [784])).loss;
    const plan = planGreedy(built, procedure(3, 0));
    if (!plan.ok) throw new Error(plan.message);
    // The outer pair alone, untrained, reconstructs the same images: its loss is comparable.
    const outerModel = phaseModel(built, plan.phases[0], built.loss, 1);
    const outerStart = (await evaluateAsync(outerModel, data, [784])).loss;
    const events = recorder();

    const outcome = await runProcedure(procedure(3, 0), argsOf(built), events.emit, control());

    expect(outcome).toMatchObject({ status: 'completed', epochsCompleted: 6 });
    const stacked = (await evaluateAsync(built, data, [784])).loss;
    expect(stacked).toBeLessThan(untrained);
    expect(stacked).toBeLessThan(outerStart);
    expect(outcome.message).toContain(stacked.toFixed(4));
    const inner = events.of('train.epoch').filter((e) => e.phase === 2);
    expect(inner).toHaveLength(3);
    expect(inner[2].valLoss).toBeLessThan(inner[0].valLoss!);
    built.dispose();
  });

  it('trains the preset one epoch per phase when Epochs is 1: as many epochs as phases', async () => {
    const built = build();
    const events = recorder();
    const oneEpoch = { ...argsOf(built), settings: { ...settings, epochs: 1 } };
    const outcome = await runProcedure(preset.procedure!, oneEpoch, events.emit, control());
    expect(outcome).toMatchObject({ status: 'completed', epochsCompleted: 3 });
    expect(events.of('train.epoch').map((e) => e.phase)).toEqual([1, 2, 3]);
    expect(events.of('train.started').map((e) => e.epochs)).toEqual([1, 1, 1]);
    // Every phase announces the whole plan, so the panels count all phases' epochs.
    expect(events.of('train.phase')[0].phases).toEqual([
      { label: 'outer pair', epochs: 1 },
      { label: 'inner pair', epochs: 1 },
      { label: FINE_TUNE_LABEL, epochs: 1 },
    ]);
    built.dispose();
  });

  it('trains in each phase only that phase’s weights, on the codes of the layers before it', async () => {
    const built = build();
    const plan = planGreedy(built, procedure(1, 0));
    if (!plan.ok) throw new Error(plan.message);
    const names = (b: BuiltModel) => b.model.trainableWeights.map((w) => w.originalName);
    expect(names(phaseModel(built, plan.phases[0], built.loss, 1))).toEqual([
      'encoder_1/kernel',
      'encoder_1/bias',
      'decoder_2/kernel',
      'decoder_2/bias',
    ]);
    const inner = phaseModel(built, plan.phases[1], 'mse', 2);
    expect(names(inner)).toEqual([
      'code/kernel',
      'code/bias',
      'decoder_1/kernel',
      'decoder_1/bias',
    ]);
    expect(inner.model.inputs[0].shape).toEqual([null, 128]);
    built.dispose();
  });

  it('announces every phase in order, tags each epoch with its phase and snapshots only images', async () => {
    const built = build();
    const events = recorder();
    const outcome = await runProcedure(procedure(1, 1), argsOf(built), events.emit, control());
    expect(outcome.status).toBe('completed');
    const sequence = events.events
      .filter((e) => ['train.phase', 'train.epoch', 'train.snapshot'].includes(e.name))
      .map((e) =>
        e.name === 'train.phase' ? `phase ${(e.payload as { index: number }).index}` : e.name,
      );
    expect(sequence).toEqual([
      'phase 1',
      'train.epoch',
      'train.snapshot',
      'phase 2',
      'train.epoch',
      'train.snapshot', // the stacked model's reconstructions
      'phase 3',
      'train.epoch',
      'train.snapshot',
    ]);
    expect(events.of('train.phase').map((p) => [p.index, p.count, p.label])).toEqual([
      [1, 3, 'outer pair'],
      [2, 3, 'inner pair'],
      [3, 3, FINE_TUNE_LABEL],
    ]);
    expect(events.of('train.epoch').map((e) => e.phase)).toEqual([1, 2, 3]);
    built.dispose();
  });

  it('ends as stopped when stopped during phase 2, with the epochs done so far', async () => {
    const built = build();
    const events = recorder();
    const steer = control();
    const emit: typeof events.emit = (name, payload) => {
      events.emit(name, payload);
      const phase = events.of('train.phase').at(-1)?.index;
      if (name === 'train.progress' && phase === 2) steer.stop();
    };
    const outcome = await runProcedure(procedure(2, 2), argsOf(built), emit, steer);
    expect(outcome).toMatchObject({ status: 'stopped', epochsCompleted: 2 });
    expect(events.of('train.phase').map((p) => p.index)).toEqual([1, 2]);
    built.dispose();
  });

  it('waits while paused in a later phase and goes on when resumed', async () => {
    const built = build();
    const steer = control();
    let paused = false;
    let resumed = false;
    const emit = ((name: string, payload: { index?: number }) => {
      if (name === 'train.phase' && payload.index === 2) {
        steer.pause();
        paused = true;
        setTimeout(() => {
          resumed = true;
          steer.resume();
        }, 200);
      }
    }) as Parameters<typeof runProcedure>[2];
    const outcome = await runProcedure(procedure(1, 0), argsOf(built), emit, steer);
    expect(outcome.status).toBe('completed');
    // It ended only after the resume: it waited while paused (no clock involved).
    expect(paused && resumed).toBe(true);
    built.dispose();
  });

  it('ends as failed, before any phase, when the phases do not pair up', async () => {
    const built = build();
    const events = recorder();
    const wrong: GreedyProcedure = {
      ...procedure(1, 0),
      phases: [{ label: 'odd', encoderNodeId: 'enc1', decoderNodeId: 'dec1', epochs: 1 }],
    };
    const outcome = await runProcedure(wrong, argsOf(built), events.emit, control());
    expect(outcome).toEqual({
      status: 'failed',
      message: PROCEDURE_MESSAGES.E_PHASE_MIRROR('odd', 'encoder 1', [784], 'decoder 1', [128]),
      epochsCompleted: 0,
    });
    expect(events.events).toEqual([]);
    built.dispose();
  });

  it('leaves no tensor behind', async () => {
    const before = tf.memory().numTensors;
    const built = build();
    await runProcedure(procedure(1, 1), argsOf(built), () => undefined, control());
    built.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
