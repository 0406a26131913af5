import type { BackendInfo } from '../../../../shared/contract/commands';
import type { RunStatus } from '../../../../shared/contract/events';
import type { TrainSettings } from '../../../../shared/contract/training';
import { seededRandom, shuffleInPlace } from '../../../../shared/util/random';
import type { PreparedData } from '../../data/dataset';
import { applyThreadsSetting } from '../../tf/threads';
import { hasConvolutions } from '../../tf/convolutional';
import { EpochBatches, identityOrder } from '../batches';
import { gameBatch, isFailure } from '../game/batch';
import { DiversityWatch } from '../game/diversity';
import { realDistance } from '../game/epochViews';
import { gameDivergedMessage } from '../game/messages';
import { fixedNoise, epochNoiseRandom } from '../game/noise';
import type { GameSession } from '../game/session';
import { batchBoundary, type Emit, type RunControl, type RunOutcome } from '../loop';
import { samplesEvent } from '../views';
import { GENERATED_COUNT } from '../game/epochViews';
import { emitGameEpoch, type EpochSums } from './adversarialEpoch';
import { ProgressReporter, yieldToEvents } from '../progress';

export interface AdversarialArgs {
  runId: string;
  session: GameSession;
  settings: TrainSettings;
  data: PreparedData;
  /** The shape the real samples (GAN: the discriminator's input; AAE: the autoencoder's) take. */
  inputShape: number[];
  backend: BackendInfo;
  /** The first epoch to train (a continued run goes on after its checkpoint). */
  startEpoch: number;
  /** Called after each finished epoch and when a loss stops being finite (last good weights). */
  onEpochEnd: (epoch: number) => Promise<void>;
  onDiverged: (epoch: number) => Promise<void>;
}

/**
 * The adversarial procedure (GAN, DCGAN, adversarial autoencoder): per batch the discriminator's
 * updates, then the generator's, each player with its own Adam; the ordinary run events plus how
 * the two players stand and what the fixed noise makes, after every epoch. Pauses and stops at a
 * batch boundary; a non-finite loss ends the run as failed with the last good weights.
 */
export async function runAdversarial(
  args: AdversarialArgs,
  emit: Emit,
  control: RunControl,
): Promise<RunOutcome> {
  const { runId, session, settings, data } = args;
  const batchesPerEpoch = Math.ceil(data.train.count / settings.batchSize);
  const order = identityOrder(data.train.count);
  const shuffles = seededRandom(settings.seed);
  for (let e = 1; e < args.startEpoch; e++) shuffleInPlace(order, shuffles);
  const models = session.models;
  const threads = await applyThreadsSetting(
    settings.threads,
    hasConvolutions(
      models.discriminator.model,
      models.built.model,
      models.kind === 'gan' ? models.generator.model : null,
    ),
  );
  emit('train.started', {
    runId,
    epochs: settings.epochs,
    batchesPerEpoch,
    trainCount: data.train.count,
    validationCount: data.validation.count,
    backend: threads === null ? args.backend : { ...args.backend, threads },
  });
  const aae = session.models.kind === 'aae';
  if (aae) emit('train.samples', samplesEvent(runId, data));
  const z = fixedNoise(session.models.game.prior, GENERATED_COUNT, settings.seed);
  const watch = new DiversityWatch(session.state.reference, realDistance(data), args.startEpoch);

  const progress = new ProgressReporter(
    emit,
    runId,
    batchesPerEpoch,
    (settings.epochs - args.startEpoch + 1) * data.train.count,
  );
  let epoch = args.startEpoch - 1;
  const ended = (status: RunStatus, message: string | null = null): RunOutcome => ({
    status,
    message,
    epochsCompleted: epoch,
  });
  for (epoch = args.startEpoch; epoch <= settings.epochs; epoch++) {
    const epochStart = performance.now();
    shuffleInPlace(order, shuffles);
    const noise = epochNoiseRandom(settings.seed, epoch);
    const batches = new EpochBatches(data.train, data.sampleSize, args.inputShape, order);
    const sums: EpochSums = {
      loss: 0,
      discriminator: 0,
      generator: 0,
      dReal: 0,
      dFake: 0,
      terms: {},
    };
    for (let batch = 0; batch < batchesPerEpoch; batch++) {
      await batchBoundary(control, emit, { runId, epoch, batch }, progress);
      if (control.stopRequested) {
        batches.dispose();
        return (epoch--, ended('stopped'));
      }
      const start = batch * settings.batchSize;
      const end = Math.min(start + settings.batchSize, data.train.count);
      const x = batches.slice(start, end);
      let step;
      try {
        step = await gameBatch(session, x, noise);
      } finally {
        x.dispose();
      }
      if (isFailure(step)) {
        batches.dispose();
        epoch--;
        await args.onDiverged(epoch);
        const rate = step.player === 'autoencoder' ? settings.learningRate : step.learningRate;
        return ended('failed', gameDivergedMessage(epoch + 1, batch + 1, step.player, rate));
      }
      const n = end - start;
      sums.loss += step.loss * n;
      sums.discriminator += step.discriminator * n;
      sums.generator += step.generator * n;
      sums.dReal += step.dReal * n;
      sums.dFake += step.dFake * n;
      for (const [k, v] of Object.entries(step.terms)) sums.terms[k] = (sums.terms[k] ?? 0) + v * n;
      progress.batchDone(epoch, batch, n, step.loss);
      await yieldToEvents();
    }
    batches.dispose();
    const seconds = (performance.now() - epochStart) / 1000;
    const problem = await emitGameEpoch(
      {
        runId,
        epoch,
        session,
        data,
        inputShape: args.inputShape,
        z,
        watch,
        seconds,
        sums,
        settings,
      },
      emit,
    );
    session.state.reference = watch.reference;
    if (problem) return ended('failed', problem);
    await args.onEpochEnd(epoch);
  }
  return { status: 'completed', message: null, epochsCompleted: settings.epochs };
}
