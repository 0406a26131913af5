import * as tf from '@tensorflow/tfjs';
import type { ReuseEncoderProcedure, TrainSettings } from '../../../../shared/contract/training';
import { withHeadsTrainable } from '../../../../shared/compiler';
import { getPreset, procedurePhases, REUSE_LABELS } from '../../../../shared/presets';
import { buildModel, type BuiltModel } from '../../model';
import { evaluateAsync } from '../evaluate';
import type { Emit, RunControl, RunOutcome } from '../loop';
import { labelledSubset } from './labelled';
import { comparisonSummary, PROCEDURE_MESSAGES as M } from './messages';
import { PhaseRunner, type ProcedureArgs } from './phases';
import { copyWeights, matchEncoderLayers } from './reuseWeights';

export { REUSE_LABELS };

/**
 * At least ten steps an epoch on the labelled samples: a few hundred labels in batches of 256
 * would give the classifiers one or two steps an epoch and compare two untrained models.
 */
const labelledSettings = (settings: TrainSettings, count: number): TrainSettings => ({
  ...settings,
  batchSize: Math.min(settings.batchSize, Math.max(1, Math.ceil(count / 10))),
});

/**
 * Starts the head at zero, so that its first guesses are even whatever the scale of the codes:
 * relu codes reach tens, and a random head on them starts far off and takes long to recover.
 */
function zeroHead(classifier: BuiltModel): void {
  const head = classifier.model.getLayer(classifier.spec.studio.outputLayer);
  tf.tidy(() => head.setWeights(head.getWeights().map((w) => tf.zerosLike(w))));
}

/** Runs `use` on a model, then disposes the model whatever happened. */
async function withModel<T>(built: BuiltModel, use: (built: BuiltModel) => Promise<T>): Promise<T> {
  try {
    return await use(built);
  } finally {
    built.dispose();
  }
}

/**
 * Semi-supervised learning: pretrain an autoencoder on all the (unlabelled) training data, reuse
 * its encoder under the classifier (frozen if the head says so) trained on a few labelled samples,
 * and train the same classifier from scratch on the same samples to show what pretraining gained.
 */
export async function runReuseEncoder(
  procedure: ReuseEncoderProcedure,
  args: ProcedureArgs,
  emit: Emit,
  control: RunControl,
): Promise<RunOutcome> {
  const { built, data, settings, inputShape } = args;
  const runner = new PhaseRunner(args, emit, control, procedurePhases(procedure, settings.epochs));
  if (built.task !== 'classify') return runner.end('failed', M.E_REUSE_TASK());
  const id = procedure.pretrainPresetId;
  const preset = getPreset(id);
  if (!preset) return runner.end('failed', M.E_PRETRAIN_PRESET(id));
  if (data.train.count < 1) return runner.end('failed', M.E_REUSE_LABELS(data.train.count));
  const pretrain = buildModel(preset.graph, settings.seed);
  if (!pretrain.ok) return runner.end('failed', pretrain.error.message);
  const pretrainShape = pretrain.value.inputShape;
  if (pretrain.value.inputSize !== data.sampleSize) {
    pretrain.value.dispose();
    return runner.end('failed', M.E_PRETRAIN_INPUT(id, pretrain.value.inputSize, data.sampleSize));
  }

  const pretrainEnded = await withModel(pretrain.value, async (autoencoder) => {
    const match = matchEncoderLayers(built, autoencoder, id);
    if (!match.ok) return runner.end('failed', match.message);
    const ended = await runner.run({
      built: autoencoder,
      data,
      inputShape: pretrainShape,
      settings,
      snapshots: true,
    });
    if (ended) return ended;
    copyWeights(match.pairs);
    return null;
  });
  if (pretrainEnded) return pretrainEnded;

  const labelled = labelledSubset(data, procedure.labelledCount, settings.seed);
  const few = {
    data: labelled,
    inputShape,
    settings: labelledSettings(settings, labelled.train.count),
    snapshots: false,
  };
  zeroHead(built);
  const onPretrained = await runner.run({ ...few, built });
  if (onPretrained) return onPretrained;
  const pretrainedAccuracy = (await evaluateAsync(built, data, inputShape)).accuracy ?? 0;

  const fresh = buildModel(withHeadsTrainable(args.graph), settings.seed);
  if (!fresh.ok) return runner.end('failed', fresh.error.message);
  return withModel(fresh.value, async (scratch) => {
    zeroHead(scratch);
    const ended = await runner.run({ ...few, built: scratch });
    if (ended) return ended;
    const scratchAccuracy = (await evaluateAsync(scratch, data, inputShape)).accuracy ?? 0;
    const count = labelled.train.count;
    emit('train.comparison', {
      runId: args.runId,
      labelled: count,
      pretrained: pretrainedAccuracy,
      scratch: scratchAccuracy,
    });
    return runner.end('completed', comparisonSummary(count, pretrainedAccuracy, scratchAccuracy));
  });
}
