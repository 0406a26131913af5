import type { TrainSettings } from '../../../../shared/contract/training';
import type { PreparedData } from '../../data/dataset';
import { evaluateAsync, snapshotAsync } from '../evaluate';
import type { DiversityWatch } from '../game/diversity';
import { generatedView } from '../game/epochViews';
import { modeCollapseMessage } from '../game/messages';
import type { GameSession } from '../game/session';
import type { Emit } from '../loop';
import { nonFiniteValidationMessage } from '../messages';
import { codesEventAsync, featuresEventAsync } from '../views';

/** An epoch's sums over its batches, each weighted by the batch's size. */
export interface EpochSums {
  loss: number;
  discriminator: number;
  generator: number;
  dReal: number;
  dFake: number;
  terms: Record<string, number>;
}

export interface GameEpoch {
  runId: string;
  epoch: number;
  session: GameSession;
  data: PreparedData;
  inputShape: number[];
  /** The run's fixed noise. */
  z: Float32Array;
  watch: DiversityWatch;
  seconds: number;
  sums: EpochSums;
  settings: TrainSettings;
}

/**
 * The events after a game's epoch: train.epoch (the generator's loss, or an AAE's reconstruction
 * loss, with both players' losses as terms), train.game, train.generated, a mode-collapse warning,
 * and for an AAE the autoencoder's own views. Returns a message when the run must end (an AAE's
 * validation loss is not a number). Reads asynchronously (WebGPU in Node as wasm).
 */
export async function emitGameEpoch(e: GameEpoch, emit: Emit): Promise<string | null> {
  const { runId, epoch, session, data, sums } = e;
  const n = data.train.count;
  const { models } = session;
  const view = await generatedView(session, e.z);
  const { diversity, collapsed, shareOfReal } = view
    ? e.watch.observe(view.distance)
    : { diversity: null, collapsed: false, shareOfReal: null };
  const terms: Record<string, number> = {
    ...Object.fromEntries(Object.entries(sums.terms).map(([k, v]) => [k, v / n])),
    discriminator: sums.discriminator / n,
    generator: sums.generator / n,
  };
  // A GAN has nothing to validate against; its "validation" loss is the generator's loss on the
  // fixed noise against the discriminator as it stands (inference mode). An AAE validates its
  // reconstructions as any autoencoder.
  const validation =
    models.kind === 'aae'
      ? (await evaluateAsync(models.built, data, e.inputShape)).loss
      : (view?.loss ?? null);
  const valFinite = validation !== null && Number.isFinite(validation);
  emit('train.epoch', {
    runId,
    epoch,
    trainLoss: sums.loss / n,
    valLoss: valFinite ? validation : null,
    ...(validation === null || valFinite
      ? {}
      : {
          nonFinite: {
            valLoss: Number.isNaN(validation) ? 'NaN' : validation > 0 ? 'Infinity' : '-Infinity',
          },
        }),
    terms,
    seconds: e.seconds,
  });
  emit('train.game', {
    runId,
    epoch,
    discriminatorLoss: sums.discriminator / n,
    generatorLoss: sums.generator / n,
    dReal: sums.dReal / n,
    dFake: sums.dFake / n,
    diversity,
  });
  if (view) {
    emit('train.generated', {
      runId,
      epoch,
      sampleShape: data.sampleShape,
      count: e.z.length / models.game.prior.size,
      samples: view.samples,
    });
  }
  if (collapsed)
    emit('train.warning', {
      runId,
      epoch,
      kind: 'mode-collapse',
      message: modeCollapseMessage(epoch, diversity, models.kind, shareOfReal),
    });
  if (models.kind === 'aae') {
    const { built } = models;
    emit('train.snapshot', await snapshotAsync(runId, epoch, built, data, e.inputShape));
    const features = await featuresEventAsync(runId, epoch, built, e.inputShape);
    if (features) emit('train.features', features);
    emit('train.codes', await codesEventAsync(runId, epoch, built, data, e.inputShape));
  }
  if (validation !== null && !valFinite)
    return nonFiniteValidationMessage(epoch, validation, e.settings);
  return null;
}
