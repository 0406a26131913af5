import * as tf from '@tensorflow/tfjs';
import type { DataSpec } from '../../../shared/contract/training';
import type { PixelFormat } from '../../../shared/contract/commands';
import { fail, ok, type Result } from '../../../shared/contract/result';
import type { ToTrainer } from '../../../shared/contract/trainerProtocol';
import { prepareData } from '../data/prepare';
import { buildModel, type BuiltModel } from '../model';
import { snapshotAsync } from './evaluate';
import type { LoadedModel } from './loadedModel';
import type { Emit } from './loop';
import { inputMismatchMessage } from './messages';
import { readScoped } from './scope';
import { picturesToBytes } from '../tf/native/blas';
import { codesEventAsync, featuresEventAsync, logVarModel, samplesEvent } from './views';
import { flattenWeightsAsync, restoreWeights } from './weights';
import { buildGame, gameOf, type GameModels } from './game';
import { ganHasNoEncoderMessage } from './game/messages';

/**
 * Questions about the loaded model, answered between and after runs: encode, decode, the views of
 * another data set, its weights; and opening a saved project's trained weights.
 */
export class ModelQueries {
  constructor(
    private readonly emit: Emit,
    private readonly loaded: LoadedModel,
    /** The run training now, or null: some questions wait until it ends. */
    private readonly activeRunId: () => string | null,
  ) {}

  private find(runId: string, missing: string): Result<BuiltModel> {
    const built = this.loaded.of(runId);
    return built ? ok(built) : fail('E_NOT_FOUND', missing);
  }

  /** The loaded model, unless it is a GAN's generator: a question that needs an encoder. */
  private findEncoder(runId: string, missing: string): Result<BuiltModel> {
    if (this.loaded.gameOf(runId)?.kind === 'gan')
      return fail('E_INVALID_GRAPH', ganHasNoEncoderMessage);
    return this.find(runId, missing);
  }

  /** Emits the view events of the loaded model on the given data, as after an epoch. */
  async inspect(runId: string, spec: DataSpec, epoch: number): Promise<Result<unknown>> {
    const found = this.findEncoder(runId, 'That model is no longer loaded.');
    if (!found.ok) return found;
    if (this.activeRunId() !== null)
      return fail('E_BUSY', 'The views update by themselves while a model trains.');
    let data;
    try {
      data = await prepareData(spec);
    } catch (error) {
      return fail('E_DATA', error instanceof Error ? error.message : String(error));
    }
    const built = found.value;
    const { inputShape, inputSize } = built;
    if (inputSize !== data.sampleSize) {
      return fail(
        'E_DATA',
        inputMismatchMessage(inputSize, data.name, data.sampleSize, data.sampleShape),
      );
    }
    this.emit('train.samples', samplesEvent(runId, data));
    this.emit('train.snapshot', await snapshotAsync(runId, epoch, built, data, inputShape));
    const features = await featuresEventAsync(runId, epoch, built, inputShape);
    if (features) this.emit('train.features', features);
    if (built.task === 'reconstruct')
      this.emit('train.codes', await codesEventAsync(runId, epoch, built, data, inputShape));
    return ok({});
  }

  async getWeights(runId: string): Promise<Result<unknown>> {
    const found = this.find(runId, 'That run is no longer loaded.');
    if (!found.ok) return found;
    if (this.activeRunId() === runId)
      return fail('E_BUSY', 'Wait until training ends to save its weights.');
    return ok(await flattenWeightsAsync(found.value.model));
  }

  /** Builds the graph's model and puts saved weights in it: an opened project's trained model. */
  loadWeights(message: Extract<ToTrainer, { type: 'loadWeights' }>): Result<unknown> {
    if (this.activeRunId() !== null)
      return fail('E_BUSY', 'Stop training before opening a project with trained weights.');
    // A game's saved weights are its views' model's (a GAN's generator, an AAE's autoencoder).
    const game = gameOf(message.graph);
    let models: GameModels | null = null;
    let built: Result<BuiltModel>;
    if (game) {
      const made = buildGame(message.graph, game, 0);
      if (!made.ok) return made;
      models = made.value;
      built = ok(models.built);
    } else built = buildModel(message.graph);
    if (!built.ok) return built;
    const problem = restoreWeights(built.value.model, {
      tensors: message.tensors,
      data: message.data,
    });
    if (problem) {
      built.value.dispose();
      if (models) models.discriminator.model.weights.forEach((w) => w.dispose());
      return fail('E_PROJECT', problem);
    }
    this.loaded.replace(message.runId, built.value, models);
    return ok({});
  }

  async encode(runId: string, images: Float32Array, count: number): Promise<Result<unknown>> {
    const found = this.findEncoder(
      runId,
      'That training run is no longer loaded; train the model again.',
    );
    if (!found.ok) return found;
    const built = found.value;
    if (images.length !== count * built.inputSize) {
      return fail('E_INVALID_MESSAGE', `Each input needs ${built.inputShape.join('×')} values.`);
    }
    // All at once (predict's default batch is 32); read asynchronously, as WebGPU needs in Node.
    const [codes] = await readScoped(() => [
      built.encoder.predict(tf.tensor(images, [count, ...built.inputShape]), {
        batchSize: count,
      }) as tf.Tensor,
    ]);
    return ok({ codes: codes as Float32Array, codeSize: built.codeSize, count });
  }

  /** Encodes, and for a variational model gives the log-variance of each code value too. */
  async encodeVariance(
    runId: string,
    images: Float32Array,
    count: number,
  ): Promise<Result<unknown>> {
    const encoded = await this.encode(runId, images, count);
    if (!encoded.ok) return encoded;
    const built = this.loaded.of(runId)!;
    const head = logVarModel(built);
    const logVar = head
      ? ((
          await readScoped(() => [
            head.predict(tf.tensor(images, [count, ...built.inputShape]), {
              batchSize: count,
            }) as tf.Tensor,
          ])
        )[0] as Float32Array)
      : null;
    return ok({ ...(encoded.value as object), logVar });
  }

  /** Decodes `count` codes; as bytes, each value clipped to 0..1 and scaled to 0..255 (NaN: 0). */
  async decode(
    runId: string,
    points: Float32Array,
    count: number,
    pixels: PixelFormat = 'float',
  ): Promise<Result<unknown>> {
    const found = this.find(
      runId,
      'That training run is no longer loaded; train the model again to decode.',
    );
    if (!found.ok) return found;
    const built = found.value;
    const decoder = built.decoder;
    if (!decoder)
      return fail(
        'E_INVALID_GRAPH',
        'This design has no separate decoder to generate images with.',
      );
    if (points.length !== count * built.codeSize) {
      return fail('E_INVALID_MESSAGE', `Each latent point needs ${built.codeSize} values.`);
    }
    let shape: number[] = [];
    // One batch: predict's default of 32 a batch costs a slice and a dispatch round per 32 points.
    // Read asynchronously (WebGPU in Node can read no other way); the values read are a copy.
    const [images] = await readScoped(() => {
      const out = decoder.predict(tf.tensor2d(points, [count, built.codeSize]), {
        batchSize: count,
      }) as tf.Tensor;
      shape = out.shape.slice(1);
      return [out];
    });
    const values = images as Float32Array;
    return ok({ images: pixels === 'byte' ? picturesToBytes(values) : values, shape, count });
  }
}
