import type { GraphDocument } from '../../../../shared/graph/document';
import type { BuiltModel } from '../../model';
import { PROCEDURE_MESSAGES as M } from './messages';

/**
 * Copies the pretrained autoencoder's weights into the classifier's encoder layers, matched by
 * layer name (the presets name them alike). Every layer with weights but the head must match.
 * Returns null when all were copied, else the message for the person.
 */
export function copyEncoderWeights(
  classifier: BuiltModel,
  pretrained: BuiltModel,
  pretrainedId: string,
  graph: GraphDocument,
): string | null {
  const { studio } = classifier.spec;
  const nameOf = (layer: string): string =>
    graph.nodes.find((n) => n.id === studio.nodeOfLayer[layer])?.name || layer;
  const pairs = [];
  for (const layer of classifier.model.layers) {
    if (layer.name === studio.outputLayer || layer.weights.length === 0) continue;
    const source = pretrained.model.layers.find((l) => l.name === layer.name);
    if (!source || source.weights.length !== layer.weights.length) return M.E_REUSE_LAYER(nameOf(layer.name), pretrainedId);
    for (const [i, w] of layer.weights.entries()) {
      if (w.shape.join() !== source.weights[i].shape.join()) {
        return M.E_REUSE_SHAPE(nameOf(layer.name), w.shape, source.weights[i].shape);
      }
    }
    pairs.push([layer, source] as const);
  }
  // Checked first, copied after: a mismatch leaves the classifier as it was.
  for (const [layer, source] of pairs) layer.setWeights(source.getWeights());
  return null;
}
