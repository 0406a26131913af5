import type * as tf from '@tensorflow/tfjs';
import type { BackendInfo } from '../../../shared/contract/commands';
import type { EventName, EventPayload, RunStatus } from '../../../shared/contract/events';
import type { TrainSettings } from '../../../shared/contract/training';
import { seededRandom, shuffleInPlace } from '../../../shared/util/random';
import type { PreparedData } from '../data/dataset';
import type { BuiltModel } from '../model';
import { EpochBatches, identityOrder } from './batches';
import { evaluateAsync, snapshotAsync } from './evaluate';
import { RunHealth } from './health';
import { divergedMessage, nonFiniteValidationMessage } from './messages';
import { applyThreadsSetting } from '../tf/threads';
import { hasConvolutions } from '../tf/convolutional';
import { makeOptimizer } from './optimizer';
import { ProgressReporter, yieldToEvents } from './progress';
import { trainStepAsync } from './step';
import { codesEventAsync, featuresEventAsync, samplesEvent } from './views';

export type Emit = <N extends EventName>(name: N, payload: EventPayload<N>) => void;

/** How the host steers a run between batches. */
export interface RunControl {
  readonly stopRequested: boolean;
  /** Resolves at once unless the run is paused; then when it is resumed or stopped. */
  waitWhilePaused(): Promise<void>;
  /** Whether a pause is asked for (absent: never paused, as for benchmarks). */
  readonly paused?: boolean;
}

/**
 * A batch boundary: where a paused run says it has paused ('train.paused', once per pause, after
 * the batch under way finished) and waits until it is resumed or stopped. Before a pause or a
 * stop, the progress the time limit held back is sent, so the views end on the last batch done.
 */
export async function batchBoundary(
  control: RunControl,
  emit: Emit,
  at: { runId: string; epoch: number; batch: number },
  progress: ProgressReporter,
): Promise<void> {
  if (!control.paused && !control.stopRequested) return;
  progress.flush();
  if (!control.paused) return;
  emit('train.paused', at);
  await control.waitWhilePaused();
}

export interface RunOutcome {
  status: RunStatus;
  message: string | null;
  epochsCompleted: number;
}

export interface RunArgs {
  runId: string;
  built: BuiltModel;
  settings: TrainSettings;
  data: PreparedData;
  inputShape: number[];
  backend: BackendInfo;
  /** The optimizer to use (a resumed run brings its restored one); made from the settings if absent. */
  optimizer?: tf.Optimizer;
  /** The first epoch to train (a resumed run continues after its checkpoint). */
  startEpoch?: number;
  /** Tags epoch events with the phase of a multi-phase procedure. */
  phase?: number;
  /** Send reconstructions, features and codes after each epoch (off for phases whose input is not an image). */
  snapshots?: boolean;
  /** Called after each finished epoch, before the next: writes the checkpoint. */
  onEpochEnd?: (epoch: number, optimizer: tf.Optimizer) => Promise<void>;
  /** Called when the run stops on a non-finite loss, with the last good weights in place. */
  onDiverged?: (epoch: number, optimizer: tf.Optimizer) => Promise<void>;
}

/**
 * The training loop: an optimizer over the compiled model's loss plus its extra terms, rather than
 * model.fit, so that each term is reported on its own and a run pauses or stops at a batch boundary.
 */
export async function runTraining(
  args: RunArgs,
  emit: Emit,
  control: RunControl,
): Promise<RunOutcome> {
  const { runId, built, settings, data } = args;
  const batchesPerEpoch = Math.ceil(data.train.count / settings.batchSize);
  const optimizer = args.optimizer ?? makeOptimizer(settings);
  const variables = built.model.trainableWeights.map((w) => w.read() as tf.Variable);
  const order = identityOrder(data.train.count);
  const random = seededRandom(settings.seed);
  const firstEpoch = args.startEpoch ?? 1;
  // A resumed run replays the shuffles of the epochs it already trained, so its order matches.
  for (let e = 1; e < firstEpoch; e++) shuffleInPlace(order, random);

  const threads = await applyThreadsSetting(settings.threads, hasConvolutions(built.model));
  emit('train.started', {
    runId,
    epochs: settings.epochs,
    batchesPerEpoch,
    trainCount: data.train.count,
    validationCount: data.validation.count,
    backend: threads === null ? args.backend : { ...args.backend, threads },
  });
  const views = args.snapshots !== false;
  if (views) emit('train.samples', samplesEvent(runId, data));

  const progress = new ProgressReporter(
    emit,
    runId,
    batchesPerEpoch,
    (settings.epochs - firstEpoch + 1) * data.train.count,
  );
  let best = Infinity;
  let sinceBest = 0;
  let lowestBatchLoss = Infinity;
  const health = new RunHealth(settings);
  let epoch = firstEpoch - 1;
  const ended = (status: RunStatus, message: string | null = null): RunOutcome => ({
    status,
    message,
    epochsCompleted: epoch,
  });
  try {
    for (epoch = firstEpoch; epoch <= settings.epochs; epoch++) {
      const epochStart = performance.now();
      shuffleInPlace(order, random);
      const batches = new EpochBatches(data.train, data.sampleSize, args.inputShape, order);
      let lossSum = 0;
      let gradientPeak = 0;
      const termSums: Record<string, number> = {};
      for (let batch = 0; batch < batchesPerEpoch; batch++) {
        await batchBoundary(control, emit, { runId, epoch, batch }, progress);
        if (control.stopRequested) {
          batches.dispose();
          return (epoch--, ended('stopped'));
        }
        const start = batch * settings.batchSize;
        const end = Math.min(start + settings.batchSize, data.train.count);
        const step = await trainStepAsync(
          built,
          optimizer,
          variables,
          () => batches.slice(start, end),
          (x) => (built.task === 'classify' ? batches.oneHot(start, end, built.classes ?? 0) : x),
        );
        if (step === null) {
          batches.dispose();
          epoch--;
          await args.onDiverged?.(epoch, optimizer);
          return ended('failed', divergedMessage(epoch + 1, batch + 1, settings));
        }
        lossSum += step.loss * (end - start);
        lowestBatchLoss = Math.min(lowestBatchLoss, step.loss);
        gradientPeak = Math.max(gradientPeak, step.gradientPeak);
        for (const [k, v] of Object.entries(step.terms))
          termSums[k] = (termSums[k] ?? 0) + v * (end - start);
        progress.batchDone(epoch, batch, end - start, step.loss);
        await yieldToEvents();
      }
      batches.dispose();
      const seconds = (performance.now() - epochStart) / 1000;
      const n = data.train.count;
      const terms = Object.fromEntries(Object.entries(termSums).map(([k, v]) => [k, v / n]));
      const validation = await evaluateAsync(built, data, args.inputShape);
      const valFinite = Number.isFinite(validation.loss);
      emit('train.epoch', {
        runId,
        epoch,
        trainLoss: lossSum / n,
        valLoss: valFinite ? validation.loss : null,
        ...(valFinite ? {} : { nonFinite: { valLoss: nonFiniteOf(validation.loss) } }),
        terms,
        ...(validation.accuracy === null ? {} : { metrics: { valAccuracy: validation.accuracy } }),
        seconds,
        ...(args.phase === undefined ? {} : { phase: args.phase }),
      });
      if (views) {
        emit('train.snapshot', await snapshotAsync(runId, epoch, built, data, args.inputShape));
        const features = await featuresEventAsync(runId, epoch, built, args.inputShape);
        if (features) emit('train.features', features);
        if (built.task === 'reconstruct')
          emit('train.codes', await codesEventAsync(runId, epoch, built, data, args.inputShape));
      }
      if (!valFinite) {
        // Its weights give no usable output: the checkpoint keeps the epoch before, and the run
        // ends as failed rather than early stopping calling it complete.
        return ended('failed', nonFiniteValidationMessage(epoch, validation.loss, settings));
      }
      const measures = { epoch, trainLoss: lossSum / n, lowestBatchLoss, gradientPeak };
      for (const warning of await health.check(measures, built, data, args.inputShape))
        emit('train.warning', { runId, ...warning });
      await args.onEpochEnd?.(epoch, optimizer);
      if (settings.earlyStoppingPatience !== null) {
        if (validation.loss < best - 1e-7) [best, sinceBest] = [validation.loss, 0];
        else if (++sinceBest >= settings.earlyStoppingPatience) {
          return {
            status: 'completed',
            message: `Stopped early after epoch ${epoch}: the validation loss had not improved for ${sinceBest} epochs.`,
            epochsCompleted: epoch,
          };
        }
      }
    }
    return { status: 'completed', message: null, epochsCompleted: settings.epochs };
  } finally {
    if (!args.optimizer) optimizer.dispose();
  }
}

/** What a non-finite measure was, for the epoch event that sends it as null. */
const nonFiniteOf = (value: number): 'NaN' | 'Infinity' | '-Infinity' =>
  Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
