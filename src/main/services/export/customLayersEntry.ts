/**
 * The source of `custom-layers.js`, the module shipped in the "continue training" TensorFlow.js
 * export. It is bundled at build time from the app's own layer classes (tfjs left external), so
 * the layers a user trains with are the ones the app trains with, not a copy that can drift.
 * Importing it registers every custom layer with the importer's `@tensorflow/tfjs`.
 */
import * as tf from '@tensorflow/tfjs';
import { Code } from '../model/layers/code';
import { MaskingNoise, SaltAndPepperNoise } from '../model/layers/noise';
import { registerCustomLayers } from '../model/layers/register';
import { Sampling } from '../model/layers/sampling';
import { linkTiedLayers, TiedDense } from '../model/layers/tiedDense';

registerCustomLayers();

export { Code, MaskingNoise, SaltAndPepperNoise, Sampling, TiedDense, linkTiedLayers };

/**
 * `tf.loadLayersModel`, then each TiedDense linked to the layer whose kernel it mirrors: a saved
 * config holds only the partner's name, and the layer cannot run until it holds the layer itself.
 */
export async function loadTrainingModel(
  pathOrIOHandler: string | tf.io.IOHandler,
): Promise<tf.LayersModel> {
  const model = await tf.loadLayersModel(pathOrIOHandler);
  linkTiedLayers(model);
  return model;
}
