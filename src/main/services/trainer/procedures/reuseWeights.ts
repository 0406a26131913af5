import type * as tf from '@tensorflow/tfjs';
import type { BuiltModel } from '../../model';
import { PROCEDURE_MESSAGES as M } from './messages';

/** Classifier layer, pretrained layer of the same name. */
export type LayerPairs = [tf.layers.Layer, tf.layers.Layer][];

/**
 * Pairs the classifier's encoder layers with the pretrained autoencoder's, by layer name (the
 * presets name them alike): every layer with weights but the head must have a twin of the same
 * weight shapes. Checked before pretraining, so a mismatch costs the person no training time.
 */
export function matchEncoderLayers(
  classifier: BuiltModel,
  pretrained: BuiltModel,
  pretrainedId: string,
): { ok: true; pairs: LayerPairs } | { ok: false; message: string } {
  const { studio } = classifier.spec;
  const nameOf = (layer: string): string => classifier.labelOf(layer);
  const pairs: LayerPairs = [];
  for (const layer of classifier.model.layers) {
    if (layer.name === studio.outputLayer || layer.weights.length === 0) continue;
    const source = pretrained.model.layers.find((l) => l.name === layer.name);
    if (!source || source.weights.length !== layer.weights.length) {
      return { ok: false, message: M.E_REUSE_LAYER(nameOf(layer.name), pretrainedId) };
    }
    for (const [i, w] of layer.weights.entries()) {
      if (w.shape.join() !== source.weights[i].shape.join()) {
        return {
          ok: false,
          message: M.E_REUSE_SHAPE(nameOf(layer.name), w.shape, source.weights[i].shape),
        };
      }
    }
    pairs.push([layer, source]);
  }
  return { ok: true, pairs };
}

/** Copies each pretrained layer's weights into its classifier twin (the values, not the variables). */
export function copyWeights(pairs: LayerPairs): void {
  for (const [layer, source] of pairs) layer.setWeights(source.getWeights());
}
