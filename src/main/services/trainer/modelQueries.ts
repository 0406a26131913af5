import * as tf from '@tensorflow/tfjs';
import type { DataSpec } from '../../../shared/contract/training';
import { fail, ok, type Result } from '../../../shared/contract/result';
import type { ToTrainer } from '../../../shared/contract/trainerProtocol';
import { prepareData } from '../data/prepare';
import { buildModel, type BuiltModel } from '../model';
import { snapshot } from './evaluate';
import type { LoadedModel } from './loadedModel';
import type { Emit } from './loop';
import { inputMismatchMessage } from './messages';
import { withScope } from './scope';
import { codesEvent, featuresEvent, logVarModel, samplesEvent } from './views';
import { flattenWeights, restoreWeights } from './weights';

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

  /** Emits the view events of the loaded model on the given data, as after an epoch. */
  async inspect(runId: string, spec: DataSpec, epoch: number): Promise<Result<unknown>> {
    const found = this.find(runId, 'That model is no longer loaded.');
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
    this.emit('train.snapshot', snapshot(runId, epoch, built, data, inputShape));
    const features = featuresEvent(runId, epoch, built, inputShape);
    if (features) this.emit('train.features', features);
    if (built.task === 'reconstruct')
      this.emit('train.codes', codesEvent(runId, epoch, built, data, inputShape));
    return ok({});
  }

  getWeights(runId: string): Result<unknown> {
    const found = this.find(runId, 'That run is no longer loaded.');
    if (!found.ok) return found;
    if (this.activeRunId() === runId)
      return fail('E_BUSY', 'Wait until training ends to save its weights.');
    return ok(flattenWeights(found.value.model));
  }

  /** Builds the graph's model and puts saved weights in it: an opened project's trained model. */
  loadWeights(message: Extract<ToTrainer, { type: 'loadWeights' }>): Result<unknown> {
    if (this.activeRunId() !== null)
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
    this.loaded.replace(message.runId, built.value);
    return ok({});
  }

  encode(runId: string, images: Float32Array, count: number): Result<unknown> {
    const found = this.find(runId, 'That training run is no longer loaded; train the model again.');
    if (!found.ok) return found;
    const built = found.value;
    if (images.length !== count * built.inputSize) {
      return fail('E_INVALID_MESSAGE', `Each input needs ${built.inputShape.join('×')} values.`);
    }
    return withScope(() => {
      // All at once (predict's default batch is 32).
      const codes = built.encoder.predict(tf.tensor(images, [count, ...built.inputShape]), {
        batchSize: count,
      }) as tf.Tensor;
      return ok({ codes: Float32Array.from(codes.dataSync()), codeSize: built.codeSize, count });
    });
  }

  /** Encodes, and for a variational model gives the log-variance of each code value too. */
  encodeVariance(runId: string, images: Float32Array, count: number): Result<unknown> {
    const encoded = this.encode(runId, images, count);
    if (!encoded.ok) return encoded;
    const built = this.loaded.of(runId)!;
    const head = logVarModel(built);
    const logVar = head
      ? withScope(() => {
          const x = tf.tensor(images, [count, ...built.inputShape]);
          const out = head.predict(x, { batchSize: count }) as tf.Tensor;
          return Float32Array.from(out.dataSync());
        })
      : null;
    return ok({ ...(encoded.value as object), logVar });
  }

  decode(runId: string, points: Float32Array, count: number): Result<unknown> {
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
    return withScope(() => {
      // One batch: predict's default of 32 a batch costs a slice and a dispatch round per 32 points.
      const out = decoder.predict(tf.tensor2d(points, [count, built.codeSize]), {
        batchSize: count,
      }) as tf.Tensor;
      return ok({ images: Float32Array.from(out.dataSync()), shape: out.shape.slice(1), count });
    });
  }
}
