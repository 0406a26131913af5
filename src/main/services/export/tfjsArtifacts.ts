import * as tf from '@tensorflow/tfjs';
import type { TrainSettings } from '../../../shared/contract/training';
import type { BuiltModel } from '../model';

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

/** The loss and optimizer tf.loadLayersModel compiles the model with, so `fit` works at once. */
export function trainingConfigOf(built: BuiltModel, s: TrainSettings): tf.io.TrainingConfig {
  return {
    loss: KERAS_LOSS[built.loss],
    metrics: [],
    optimizer_config: optimizerConfig(s),
  } as unknown as tf.io.TrainingConfig;
}

/** A model's artifacts, as model.save would write them, without touching any file. */
export async function artifactsOf(model: tf.LayersModel): Promise<tf.io.ModelArtifacts> {
  let captured: tf.io.ModelArtifacts | null = null;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      captured = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return captured!;
}

/**
 * model.json and weights.bin in the tf.io layers format, the json naming the bin beside it. With
 * `extra`, a second weight file (another model's weights, as a game's design keeps its
 * discriminator's) is named in the manifest and returned as `extra`.
 */
export function modelFiles(
  a: tf.io.ModelArtifacts,
  extra?: { path: string; artifacts: tf.io.ModelArtifacts },
): { json: string; bin: Uint8Array; extra?: Uint8Array } {
  const json = JSON.stringify({
    format: 'layers-model',
    generatedBy: `TensorFlow.js tfjs-layers v${tf.version_layers}`,
    convertedBy: 'Autoencoder Studio',
    modelTopology: a.modelTopology,
    weightsManifest: [
      { paths: ['weights.bin'], weights: a.weightSpecs ?? [] },
      ...(extra ? [{ paths: [extra.path], weights: extra.artifacts.weightSpecs ?? [] }] : []),
    ],
    ...(a.trainingConfig ? { trainingConfig: a.trainingConfig } : {}),
    ...(a.userDefinedMetadata ? { userDefinedMetadata: a.userDefinedMetadata } : {}),
  });
  const bin = new Uint8Array(a.weightData as ArrayBuffer);
  if (!extra) return { json, bin };
  return { json, bin, extra: new Uint8Array(extra.artifacts.weightData as ArrayBuffer) };
}
