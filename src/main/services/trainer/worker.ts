import * as tf from '@tensorflow/tfjs';
import type { BackendInfo } from '../../../shared/contract/commands';
import type { EventName, EventPayload } from '../../../shared/contract/events';
import { fail, ok, type Result } from '../../../shared/contract/result';
import type { DataSpec } from '../../../shared/contract/training';
import type { ToTrainer } from '../../../shared/contract/trainerProtocol';
import { DataError, prepareData } from '../data/prepare';
import { buildModel, type BuiltModel } from '../model';
import { runTraining, type Emit, type RunControl } from './loop';
import { withScope } from './scope';
import { readCheckpoint, restoreCheckpoint, writeCheckpoint } from './checkpoint';
import { inputMismatchMessage } from './messages';
import { makeOptimizer } from './optimizer';
import { snapshot } from './evaluate';
import { codesEvent, featuresEvent, samplesEvent } from './views';
import { runProcedure } from './procedures';
import { flattenWeights, restoreWeights } from './weights';

type StartMessage = Extract<ToTrainer, { type: 'start' }>;

class Control implements RunControl {
  stopRequested = false;
  private resume: (() => void) | null = null;
  private paused: Promise<void> | null = null;

  pause(): void {
    this.paused ??= new Promise((resolve) => (this.resume = resolve));
  }
  unpause(): void {
    this.resume?.();
    this.paused = this.resume = null;
  }
  stop(): void {
    this.stopRequested = true;
    this.unpause();
  }
  waitWhilePaused(): Promise<void> {
    return this.paused ?? Promise.resolve();
  }
}

/** Everything the trainer process does, independent of how it talks to the host. */
export class TrainerWorker {
  private current: { runId: string; control: Control } | null = null;
  /** The model of the newest run, kept for decoding latent points after it ends. */
  private latest: { runId: string; built: BuiltModel } | null = null;

  constructor(
    private readonly backend: BackendInfo,
    private readonly emit: Emit,
  ) {}

  async handle(message: ToTrainer): Promise<Result<unknown> | null> {
    switch (message.type) {
      case 'start':
        void this.start(message);
        return null;
      case 'stop':
        if (this.current?.runId === message.runId) this.current.control.stop();
        return null;
      case 'pause':
        if (this.current?.runId === message.runId) this.current.control.pause();
        return null;
      case 'resume':
        if (this.current?.runId === message.runId) this.current.control.unpause();
        return null;
      case 'decode':
        return this.decode(message.runId, message.points, message.count);
      case 'encode':
        return this.encode(message.runId, message.images, message.count);
      case 'getWeights':
        return this.getWeights(message.runId);
      case 'inspect':
        return this.inspect(message.runId, message.data, message.epoch);
      case 'loadWeights':
        return this.loadWeights(message);
    }
  }

  private async start(message: StartMessage): Promise<void> {
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
      const built = buildModel(message.graph);
      if (!built.ok) return end('failed', built.error.message);
      const input = message.graph.nodes.find((n) => n.kind === 'Input');
      const inputShape = Array.isArray(input?.params.shape)
        ? input.params.shape
        : [data.sampleSize];
      const inputSize = inputShape.reduce((a, b) => a * b, 1);
      if (inputSize !== data.sampleSize) {
        built.value.dispose();
        return end(
          'failed',
          inputMismatchMessage(inputSize, data.name, data.sampleSize, data.sampleShape),
        );
      }
      this.replaceLatest(runId, built.value);
      const model = built.value.model;
      const optimizer = makeOptimizer(message.settings);
      const dir = message.checkpointDir;
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
      const save = async (epoch: number) => {
        if (!dir) return;
        const saved = await writeCheckpoint(dir, base, epoch, model, optimizer);
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
      const classes = message.graph.nodes.find((n) => n.kind === 'ClassifierHead')?.params.classes;
      const args = {
        runId,
        built: built.value,
        settings: message.settings,
        data,
        inputShape,
        backend: this.backend,
        classes: typeof classes === 'number' ? classes : 10,
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

  private replaceLatest(runId: string, built: BuiltModel): void {
    this.latest?.built.dispose();
    this.latest = { runId, built };
  }

  /** Emits the view events of the loaded model on the given data, as after an epoch. */
  private async inspect(runId: string, spec: DataSpec, epoch: number): Promise<Result<unknown>> {
    const latest = this.latest;
    if (!latest || latest.runId !== runId)
      return fail('E_NOT_FOUND', 'That model is no longer loaded.');
    if (this.current) return fail('E_BUSY', 'The views update by themselves while a model trains.');
    let data;
    try {
      data = await prepareData(spec);
    } catch (error) {
      return fail('E_DATA', error instanceof Error ? error.message : String(error));
    }
    const { built } = latest;
    const inputShape = built.model.inputs[0].shape.slice(1) as number[];
    if (inputShape.reduce((a, b) => a * b, 1) !== data.sampleSize) {
      return fail(
        'E_DATA',
        inputMismatchMessage(
          inputShape.reduce((a, b) => a * b, 1),
          data.name,
          data.sampleSize,
          data.sampleShape,
        ),
      );
    }
    this.emit('train.samples', samplesEvent(runId, data));
    this.emit('train.snapshot', snapshot(runId, epoch, built, data, inputShape));
    const features = featuresEvent(runId, epoch, built, inputShape);
    if (features) this.emit('train.features', features);
    if (built.task === 'reconstruct')
      this.emit('train.codes', codesEvent(runId, epoch, built, data, inputShape));
    return ok({});
  }

  private getWeights(runId: string): Result<unknown> {
    if (this.latest?.runId !== runId) return fail('E_NOT_FOUND', 'That run is no longer loaded.');
    if (this.current?.runId === runId)
      return fail('E_BUSY', 'Wait until training ends to save its weights.');
    return ok(flattenWeights(this.latest.built.model));
  }

  /** Builds the graph's model and puts saved weights in it: an opened project's trained model. */
  private loadWeights(message: Extract<ToTrainer, { type: 'loadWeights' }>): Result<unknown> {
    if (this.current)
      return fail('E_BUSY', 'Stop training before opening a project with trained weights.');
    const built = buildModel(message.graph);
    if (!built.ok) return built;
    const problem = restoreWeights(built.value.model, {
      tensors: message.tensors,
      data: message.data,
    });
    if (problem) {
      built.value.dispose();
      return fail('E_PROJECT', problem);
    }
    this.replaceLatest(message.runId, built.value);
    return ok({});
  }

  private encode(runId: string, images: Float32Array, count: number): Result<unknown> {
    const latest = this.latest;
    if (!latest || latest.runId !== runId) {
      return fail('E_NOT_FOUND', 'That training run is no longer loaded; train the model again.');
    }
    const inputShape = latest.built.model.inputs[0].shape.slice(1) as number[];
    if (images.length !== count * inputShape.reduce((a, b) => a * b, 1)) {
      return fail('E_INVALID_MESSAGE', `Each input needs ${inputShape.join('×')} values.`);
    }
    return withScope(() => {
      // All at once (predict's default batch is 32).
      const codes = latest.built.encoder.predict(tf.tensor(images, [count, ...inputShape]), {
        batchSize: count,
      }) as tf.Tensor;
      const codeSize = latest.built.codeSize;
      return ok({ codes: Float32Array.from(codes.dataSync()), codeSize, count });
    });
  }

  private decode(runId: string, points: Float32Array, count: number): Result<unknown> {
    const latest = this.latest;
    if (!latest || latest.runId !== runId) {
      return fail(
        'E_NOT_FOUND',
        'That training run is no longer loaded; train the model again to decode.',
      );
    }
    const decoder = latest.built.decoder;
    if (!decoder)
      return fail(
        'E_INVALID_GRAPH',
        'This design has no separate decoder to generate images with.',
      );
    if (points.length !== count * latest.built.codeSize) {
      return fail('E_INVALID_MESSAGE', `Each latent point needs ${latest.built.codeSize} values.`);
    }
    return withScope(() => {
      // One batch: predict's default of 32 a batch costs a slice and a dispatch round per 32 points.
      const out = decoder.predict(tf.tensor2d(points, [count, latest.built.codeSize]), {
        batchSize: count,
      }) as tf.Tensor;
      return ok({ images: Float32Array.from(out.dataSync()), shape: out.shape.slice(1), count });
    });
  }
}

export type { EventName };
