import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import * as tf from '@tensorflow/tfjs';
import { fail, ok, type Result } from '../../../shared/contract/result';
import { DEFAULT_TRAIN_SETTINGS, type TrainSettings } from '../../../shared/contract/training';
import type { GraphDocument } from '../../../shared/graph/document';
import { buildModel, type BuiltModel } from '../model';
import { tfjsReadme } from './tfjsReadme';
import { inferenceArtifacts } from './inferenceTopology';
import { decodeWeights } from './tiedToDense';

/** The folder holding the full design (custom layers included), for opening again in the app. */
export const DESIGN_FOLDER = 'design';
const CUSTOM = ['TiedDense', 'Sampling', 'MaskingNoise', 'SaltAndPepperNoise', 'Code'];
const KERAS_LOSS = {
  mse: 'mean_squared_error',
  binaryCrossentropy: 'binary_crossentropy',
  categoricalCrossentropy: 'categorical_crossentropy',
} as const;

/** The optimizer as tfjs' loader rebuilds it (its class names and every field it reads). */
function optimizerConfig(s: TrainSettings): {
  class_name: string;
  config: Record<string, unknown>;
} {
  const learning_rate = s.learningRate;
  switch (s.optimizer) {
    case 'adam':
      return {
        class_name: 'Adam',
        config: { learning_rate, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 },
      };
    case 'sgd':
      return s.momentum > 0
        ? {
            class_name: 'Momentum',
            config: { learning_rate, momentum: s.momentum, use_nesterov: false },
          }
        : { class_name: 'SGD', config: { learning_rate } };
    case 'rmsprop':
      return {
        class_name: 'RMSProp',
        config: { learning_rate, decay: 0.9, momentum: 0, epsilon: 1e-7, centered: false },
      };
  }
}

/** A model's artifacts, as model.save would write them, without touching any file. */
async function artifactsOf(model: tf.LayersModel): Promise<tf.io.ModelArtifacts> {
  let captured: tf.io.ModelArtifacts | null = null;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      captured = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return captured!;
}

/** model.json in the tf.io layers format, pointing at weights.bin beside it. */
function modelJson(a: tf.io.ModelArtifacts): string {
  return JSON.stringify({
    format: 'layers-model',
    generatedBy: `TensorFlow.js tfjs-layers v${tf.version_layers}`,
    convertedBy: 'Autoencoder Studio',
    modelTopology: a.modelTopology,
    weightsManifest: [{ paths: ['weights.bin'], weights: a.weightSpecs ?? [] }],
    ...(a.trainingConfig ? { trainingConfig: a.trainingConfig } : {}),
    ...(a.userDefinedMetadata ? { userDefinedMetadata: a.userDefinedMetadata } : {}),
  });
}

export interface TfjsExportOptions {
  settings?: TrainSettings;
  /** Trained weights by their names ("encoder_1/kernel"); fresh weights when absent. */
  weights?: Record<string, Float32Array>;
}

/**
 * Writes model/, encoder/ and decoder/ (when separable), loadable by stock tfjs, and design/ (the
 * app's own layers, to open again) with a README into `dir`, from a built model. Returns the
 * inference parts written.
 */
export async function writeTfjsModel(
  built: BuiltModel,
  doc: GraphDocument,
  dir: string,
  settings?: TrainSettings,
): Promise<Result<string[]>> {
  const parts: [string, tf.LayersModel][] = [
    ['model', built.model],
    ['encoder', built.encoder],
  ];
  if (built.decoder) parts.push(['decoder', built.decoder]);
  // Built beside the target and renamed over it at the end: a failure leaves no half-written folder.
  const temp = `${dir}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const full = await artifactsOf(built.model);
    const kernels = decodeWeights(full);
    const trainingConfig = {
      loss: KERAS_LOSS[built.loss],
      metrics: [],
      optimizer_config: optimizerConfig(settings ?? DEFAULT_TRAIN_SETTINGS),
    } as unknown as tf.io.TrainingConfig;
    const userDefinedMetadata = {
      autoencoderStudio: { graph: doc, layerOfNode: built.spec.studio.layerOfNode },
    };
    const write = async (part: string, a: tf.io.ModelArtifacts) => {
      await mkdir(`${temp}/${part}`, { recursive: true });
      await writeFile(`${temp}/${part}/model.json`, modelJson(a));
      await writeFile(`${temp}/${part}/weights.bin`, new Uint8Array(a.weightData as ArrayBuffer));
    };
    const written: string[] = [];
    for (const [part, model] of parts) {
      // What a user runs: only layers stock tfjs knows, as the app predicts outside training.
      let a = inferenceArtifacts(part === 'model' ? full : await artifactsOf(model), kernels);
      if (part === 'model') a = { ...a, trainingConfig, userDefinedMetadata };
      await write(part, a);
      written.push(part);
    }
    // The design as trained, custom layers and all: what the app opens again as the same project.
    await write(DESIGN_FOLDER, { ...full, trainingConfig, userDefinedMetadata });
    const used = CUSTOM.filter((c) => built.spec.config.layers.some((l) => l.class_name === c));
    await writeFile(`${temp}/README.md`, tfjsReadme(written, used));
    await rm(dir, { recursive: true, force: true });
    await rename(temp, dir);
    return ok(written);
  } catch (error) {
    await rm(temp, { recursive: true, force: true }).catch(() => undefined);
    return fail('E_INTERNAL', `The TensorFlow.js model could not be written: ${String(error)}`);
  }
}

/** Builds the graph's model (with trained weights when given) and writes its TensorFlow.js files. */
export async function exportTfjsModel(
  doc: GraphDocument,
  dir: string,
  options: TfjsExportOptions = {},
): Promise<Result<string[]>> {
  const built = buildModel(doc);
  if (!built.ok) return built;
  try {
    if (options.weights) {
      for (const w of built.value.model.weights) {
        const values = options.weights[w.originalName];
        if (!values) continue;
        if (values.length !== w.shape.reduce((a, b) => a! * b!, 1)) {
          return fail(
            'E_DATA',
            `The trained weight '${w.originalName}' does not fit the model (the graph changed since training).`,
          );
        }
        const t = tf.tensor(values, w.shape as number[]);
        w.write(t);
        t.dispose();
      }
    }
    return await writeTfjsModel(built.value, doc, dir, options.settings);
  } finally {
    built.value.dispose();
  }
}
