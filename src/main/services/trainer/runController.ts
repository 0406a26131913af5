import type { BackendInfo } from '../../../shared/contract/commands';
import type { EventPayload } from '../../../shared/contract/events';
import type { ToTrainer } from '../../../shared/contract/trainerProtocol';
import { DataError, prepareData } from '../data/prepare';
import { buildModel } from '../model';
import type * as tf from '@tensorflow/tfjs';
import { readCheckpoint, restoreCheckpoint, writeCheckpoint } from './checkpoint';
import type { CheckpointExtra } from './checkpointState';
import { gameOf } from './game';
import { runGame } from './game/run';
import type { LoadedModel } from './loadedModel';
import { runTraining, type Emit, type RunControl } from './loop';
import { inputMismatchMessage } from './messages';
import { makeOptimizer } from './optimizer';
import { runProcedure } from './procedures';

type StartMessage = Extract<ToTrainer, { type: 'start' }>;

/** Pause, resume and stop of one run, taken at the next batch boundary. */
class Control implements RunControl {
  stopRequested = false;
  private resume: (() => void) | null = null;
  private pausedUntil: Promise<void> | null = null;

  get paused(): boolean {
    return this.pausedUntil !== null;
  }
  pause(): void {
    this.pausedUntil ??= new Promise((resolve) => (this.resume = resolve));
  }
  unpause(): void {
    this.resume?.();
    this.pausedUntil = this.resume = null;
  }
  stop(): void {
    this.stopRequested = true;
    this.unpause();
  }
  waitWhilePaused(): Promise<void> {
    return this.pausedUntil ?? Promise.resolve();
  }
}

/** Runs one training run at a time: builds its model, restores a checkpoint, trains, reports. */
export class RunController {
  private current: { runId: string; control: Control } | null = null;

  constructor(
    private readonly backend: BackendInfo,
    private readonly emit: Emit,
    private readonly loaded: LoadedModel,
  ) {}

  /** The run training now, or null. */
  get activeRunId(): string | null {
    return this.current?.runId ?? null;
  }

  control(runId: string, action: 'stop' | 'pause' | 'resume'): void {
    if (this.current?.runId !== runId) return;
    const { control } = this.current;
    if (action === 'stop') control.stop();
    else if (action === 'pause') control.pause();
    else control.unpause();
  }

  async start(message: StartMessage): Promise<void> {
    const { runId } = message;
    const control = new Control();
    this.current = { runId, control };
    let checkpointEpoch: number | null = null;
    const end = (status: EventPayload<'train.ended'>['status'], text: string | null, epochs = 0) =>
      this.emit('train.ended', {
        runId,
        status,
        message: text,
        epochsCompleted: epochs,
        checkpointEpoch,
      });
    try {
      const data = await prepareData(message.data);
      const dir = message.checkpointDir;
      const base = {
        runId,
        graph: message.graph,
        settings: message.settings,
        data: message.data,
        procedure: message.procedure,
      };
      // Checkpoints are best-effort: a read-only or full disk costs the ability to continue after
      // a crash, not the run. The person hears it once per run, in words.
      let checkpointWarned = false;
      const saveWith = async (
        epoch: number,
        model: tf.LayersModel,
        optimizer: tf.Optimizer,
        extras: CheckpointExtra[] = [],
      ) => {
        if (!dir) return;
        const saved = await writeCheckpoint(dir, base, epoch, model, optimizer, extras);
        if (saved.ok) {
          checkpointEpoch = epoch;
        } else if (!checkpointWarned) {
          checkpointWarned = true;
          this.emit('train.warning', {
            runId,
            epoch,
            kind: 'checkpoint',
            message: saved.error.message,
          });
        }
      };
      // A design that plays a game (GAN, adversarial autoencoder) trains both players in turn.
      const game = gameOf(message.graph);
      if (game) {
        const outcome = await runGame(
          {
            message,
            game,
            data,
            backend: this.backend,
            loaded: this.loaded,
            control,
            save: saveWith,
            resumedFrom: (epoch) => (checkpointEpoch = epoch),
          },
          this.emit,
        );
        return end(outcome.status, outcome.message, outcome.epochsCompleted);
      }
      const built = buildModel(message.graph, message.settings.seed);
      if (!built.ok) return end('failed', built.error.message);
      const { inputShape, inputSize } = built.value;
      if (inputSize !== data.sampleSize) {
        built.value.dispose();
        return end(
          'failed',
          inputMismatchMessage(inputSize, data.name, data.sampleSize, data.sampleShape),
        );
      }
      this.loaded.replace(runId, built.value);
      const model = built.value.model;
      const optimizer = makeOptimizer(message.settings);
      let startEpoch = 1;
      if (dir && message.resume) {
        const state = await readCheckpoint(dir);
        const problem = state
          ? await restoreCheckpoint(dir, state, model, optimizer)
          : 'There is no checkpoint to continue from.';
        if (problem || !state) return end('failed', problem);
        startEpoch = state.epoch + 1;
        checkpointEpoch = state.epoch;
      }
      const save = (epoch: number) => saveWith(epoch, model, optimizer);
      const args = {
        runId,
        built: built.value,
        settings: message.settings,
        data,
        inputShape,
        backend: this.backend,
      };
      const outcome = message.procedure
        ? await runProcedure(
            message.procedure,
            { ...args, graph: message.graph },
            this.emit,
            control,
          )
        : await runTraining(
            { ...args, optimizer, startEpoch, onEpochEnd: save, onDiverged: save },
            this.emit,
            control,
          );
      optimizer.dispose();
      end(outcome.status, outcome.message, outcome.epochsCompleted);
    } catch (error) {
      if (error instanceof DataError) end('failed', error.message);
      else
        end('failed', `Training failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      if (this.current?.runId === runId) this.current = null;
    }
  }
}
