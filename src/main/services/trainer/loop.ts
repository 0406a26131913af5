import * as tf from '@tensorflow/tfjs';
import type { EventName, EventPayload, RunStatus } from '../../../shared/contract/events';
import type { TrainSettings } from '../../../shared/contract/training';
import type { BackendInfo } from '../../../shared/contract/commands';
import { seededRandom, shuffleInPlace } from '../../../shared/util/random';
import type { PreparedData } from '../data/dataset';
import type { BuiltModel } from '../model';
import { BatchMaker, identityOrder } from './batches';
import { makeOptimizer } from './optimizer';
import { divergedMessage } from './messages';
import { withScope } from './scope';

export type Emit = <N extends EventName>(name: N, payload: EventPayload<N>) => void;

/** How the host steers a run between batches. */
export interface RunControl {
  readonly stopRequested: boolean;
  /** Resolves at once unless the run is paused; then when it is resumed or stopped. */
  waitWhilePaused(): Promise<void>;
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
  /** Number of classes when the model is a classifier. */
  classes?: number;
}

const SNAPSHOT_COUNT = 16;
const PROGRESS_INTERVAL_MS = 100;
const EVAL_BATCH = 500;
const yieldToEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

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
  const train = new BatchMaker(data.train, data.sampleSize, args.inputShape, settings.batchSize);
  const batchesPerEpoch = Math.ceil(data.train.count / settings.batchSize);
  const optimizer = makeOptimizer(settings);
  const variables = built.model.trainableWeights.map((w) => w.read() as tf.Variable);
  const order = identityOrder(data.train.count);
  const random = seededRandom(settings.seed);
  const target = (x: tf.Tensor, start: number, end: number): tf.Tensor =>
    built.task === 'classify' ? train.oneHot(order, start, end, args.classes ?? 10) : x;

  emit('train.started', {
    runId,
    epochs: settings.epochs,
    batchesPerEpoch,
    trainCount: data.train.count,
    validationCount: data.validation.count,
    backend: args.backend,
  });

  const started = performance.now();
  let samplesDone = 0;
  let lastProgress = 0;
  let best = Infinity;
  let sinceBest = 0;
  try {
    for (let epoch = 1; epoch <= settings.epochs; epoch++) {
      const epochStart = performance.now();
      shuffleInPlace(order, random);
      let lossSum = 0;
      const termSums: Record<string, number> = {};
      for (let batch = 0; batch < batchesPerEpoch; batch++) {
        await control.waitWhilePaused();
        if (control.stopRequested)
          return { status: 'stopped', message: null, epochsCompleted: epoch - 1 };
        const start = batch * settings.batchSize;
        const end = Math.min(start + settings.batchSize, data.train.count);
        const step = trainStep(built, optimizer, variables, train, order, start, end, target);
        if (step === null) {
          return {
            status: 'failed',
            message: divergedMessage(epoch, batch + 1, settings),
            epochsCompleted: epoch - 1,
          };
        }
        lossSum += step.loss * (end - start);
        for (const [k, v] of Object.entries(step.terms))
          termSums[k] = (termSums[k] ?? 0) + v * (end - start);
        samplesDone += end - start;
        const now = performance.now();
        if (now - lastProgress >= PROGRESS_INTERVAL_MS || batch === batchesPerEpoch - 1) {
          lastProgress = now;
          const perSecond = samplesDone / ((now - started) / 1000);
          const remaining = settings.epochs * data.train.count - samplesDone;
          emit('train.progress', {
            runId,
            epoch,
            batch: batch + 1,
            batchesPerEpoch,
            loss: step.loss,
            samplesPerSecond: perSecond,
            etaSeconds: remaining / Math.max(perSecond, 1e-9),
          });
        }
        await yieldToEvents();
      }
      const trainSeconds = (performance.now() - epochStart) / 1000;
      const terms = Object.fromEntries(
        Object.entries(termSums).map(([k, v]) => [k, v / data.train.count]),
      );
      const valLoss = evaluate(built, data, args);
      emit('train.epoch', {
        runId,
        epoch,
        trainLoss: lossSum / data.train.count,
        valLoss,
        terms,
        seconds: trainSeconds,
      });
      emit('train.snapshot', snapshot(runId, epoch, built, data, args.inputShape));
      if (args.settings.earlyStoppingPatience !== null) {
        if (valLoss < best - 1e-7) [best, sinceBest] = [valLoss, 0];
        else if (++sinceBest >= args.settings.earlyStoppingPatience) {
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
    optimizer.dispose();
  }
}

interface StepResult {
  loss: number;
  terms: Record<string, number>;
}

/**
 * One optimizer step. Returns null, leaving the weights untouched, when the loss or the gradients
 * are not finite: the weights kept are the last good ones.
 */
function trainStep(
  built: BuiltModel,
  optimizer: tf.Optimizer,
  variables: tf.Variable[],
  maker: BatchMaker,
  order: Int32Array,
  start: number,
  end: number,
  target: (x: tf.Tensor, start: number, end: number) => tf.Tensor,
): StepResult | null {
  return withScope(() => {
    const x = maker.inputs(order, start, end);
    const y = target(x, start, end);
    const termTensors: Record<string, tf.Scalar> = {};
    const { value, grads } = tf.variableGrads(() => {
      const { output, terms } = built.forward(x, true);
      let total = built.lossOf(output, y);
      for (const [name, term] of Object.entries(terms)) {
        termTensors[name] = tf.keep(term);
        total = total.add(term);
      }
      return total as tf.Scalar;
    }, variables);
    const gradList = Object.values(grads);
    const check = tf.addN([value, ...gradList.map((g) => g.square().sum())]);
    const [loss, checkValue] = [value.dataSync()[0], check.dataSync()[0]];
    const terms: Record<string, number> = {};
    for (const [name, t] of Object.entries(termTensors)) {
      terms[name] = t.dataSync()[0];
      t.dispose();
    }
    if (!Number.isFinite(loss) || !Number.isFinite(checkValue)) return null;
    optimizer.applyGradients(grads);
    return { loss, terms };
  });
}

/** The validation loss (reconstruction or classification loss plus the extra terms), inference mode. */
function evaluate(built: BuiltModel, data: PreparedData, args: RunArgs): number {
  const maker = new BatchMaker(data.validation, data.sampleSize, args.inputShape, EVAL_BATCH);
  const order = identityOrder(data.validation.count);
  let sum = 0;
  for (let start = 0; start < data.validation.count; start += EVAL_BATCH) {
    const end = Math.min(start + EVAL_BATCH, data.validation.count);
    sum += withScope(() => {
      const x = maker.inputs(order, start, end);
      const y = built.task === 'classify' ? maker.oneHot(order, start, end, args.classes ?? 10) : x;
      const { output, terms } = built.forward(x, false);
      let total: tf.Tensor = built.lossOf(output, y);
      for (const term of Object.values(terms)) total = total.add(term);
      return total.dataSync()[0] * (end - start);
    });
  }
  return sum / data.validation.count;
}

/** Reconstructions of a fixed validation sample, with the corrupted input when the graph adds noise. */
function snapshot(
  runId: string,
  epoch: number,
  built: BuiltModel,
  data: PreparedData,
  inputShape: number[],
): EventPayload<'train.snapshot'> {
  const count = Math.min(SNAPSHOT_COUNT, data.validation.count);
  const originals = data.validation.images.slice(0, count * data.sampleSize);
  return withScope(() => {
    const x = tf.tensor(originals, [count, ...inputShape]);
    let noisy: Float32Array | null = null;
    let input = x;
    if (built.hasNoise) {
      const corrupted = built.forward(x, true).corrupted;
      if (corrupted) {
        input = corrupted;
        noisy = corrupted.dataSync() as Float32Array;
      }
    }
    const reconstructions =
      built.task === 'classify' ? originals : (built.model.predict(input) as tf.Tensor).dataSync();
    return {
      runId,
      epoch,
      sampleShape: data.sampleShape,
      count,
      originals,
      noisy: noisy ? Float32Array.from(noisy) : null,
      reconstructions: Float32Array.from(reconstructions),
      labels: Array.from(data.validation.labels.subarray(0, count)),
    };
  });
}
