import type * as tf from '@tensorflow/tfjs';
import type { BackendInfo } from '../../../../shared/contract/commands';
import type { GameSpec } from '../../../../shared/compiler/game';
import type { ToTrainer } from '../../../../shared/contract/trainerProtocol';
import type { PreparedData } from '../../data/dataset';
import { readCheckpoint } from '../checkpoint';
import type { CheckpointExtra } from '../checkpointState';
import type { LoadedModel } from '../loadedModel';
import type { Emit, RunControl, RunOutcome } from '../loop';
import { inputMismatchMessage } from '../messages';
import { runAdversarial } from '../procedures/adversarial';
import { warmStart } from '../warmStart';
import { buildGame } from './build';
import { gameExtras, restoreGame } from './checkpoint';
import { gameSession } from './session';

export interface GameRunDeps {
  message: Extract<ToTrainer, { type: 'start' }>;
  game: GameSpec;
  data: PreparedData;
  backend: BackendInfo;
  loaded: LoadedModel;
  control: RunControl;
  /** Writes a checkpoint (best-effort; the caller warns once when it cannot). */
  save: (
    epoch: number,
    model: tf.LayersModel,
    optimizer: tf.Optimizer,
    extras: CheckpointExtra[],
  ) => Promise<void>;
  /** Told the epoch a continued run starts after. */
  resumedFrom: (epoch: number) => void;
}

const failed = (message: string | null): RunOutcome => ({
  status: 'failed',
  message,
  epochsCompleted: 0,
});

/**
 * Trains a design that plays a game: builds both players, keeps the views' model (a GAN's
 * generator as a decoder; an AAE's autoencoder), continues from a checkpoint when asked, and runs
 * the adversarial procedure with checkpoints of both players and every optimizer after each epoch.
 */
export async function runGame(deps: GameRunDeps, emit: Emit): Promise<RunOutcome> {
  const { message, game, data } = deps;
  const { settings } = message;
  const built = buildGame(message.graph, game, settings.seed);
  if (!built.ok) return failed(built.error.message);
  const models = built.value;
  // The real samples are what the discriminator judges (GAN) or what the autoencoder reads (AAE).
  const realSpec = models.kind === 'gan' ? game.discriminator : models.built.spec;
  const inputShape = realSpec.studio.inputShape;
  const inputSize = inputShape.reduce((a, b) => a * b, 1);
  if (inputSize !== data.sampleSize) {
    models.built.dispose();
    models.discriminator.model.weights.forEach((w) => w.dispose());
    return failed(inputMismatchMessage(inputSize, data.name, data.sampleSize, data.sampleShape));
  }
  // A decoder made a GAN's generator starts from what it learned (the Lab's "use as generator").
  if (message.initialWeights && !message.resume) {
    const { weights, layers } = message.initialWeights;
    const nets = models.kind === 'gan' ? [models.generator.model] : [models.built.model];
    const { skipped } = warmStart([...nets, models.discriminator.model], weights, layers);
    if (skipped.length > 0)
      emit('train.warning', {
        runId: message.runId,
        epoch: 0,
        kind: 'warm-start',
        message: `These layers start from fresh weights, not from the trained decoder's: ${skipped.join('; ')}.`,
      });
  }
  deps.loaded.replace(message.runId, models.built, models);
  const session = gameSession(models, settings);
  try {
    let startEpoch = 1;
    const dir = message.checkpointDir;
    if (dir && message.resume) {
      const saved = await readCheckpoint(dir);
      if (!saved) return failed('There is no checkpoint to continue from.');
      const restored = await restoreGame(dir, saved, session.state);
      if ('problem' in restored) return failed(restored.problem);
      session.state.reference = restored.reference;
      startEpoch = saved.epoch + 1;
      deps.resumedFrom(saved.epoch);
    }
    const save = async (epoch: number) => {
      const { main } = session.state;
      await deps.save(epoch, main.model, main.optimizer, await gameExtras(session.state));
    };
    return await runAdversarial(
      {
        runId: message.runId,
        session,
        settings,
        data,
        inputShape,
        backend: deps.backend,
        startEpoch,
        onEpochEnd: save,
        onDiverged: save,
      },
      emit,
      deps.control,
    );
  } finally {
    session.dispose();
  }
}
