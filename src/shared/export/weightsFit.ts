import { fail, ok, type Result } from '../contract/result';
import { analyzeGraph } from '../compiler';
import type { GraphDocument } from '../graph/document';
import type { ImportedWeight } from './importModel';

/** The layer a saved weight belongs to: "dec/kernel" -> "dec", "model/dec/kernel" -> "dec". */
function layerOf(weightName: string, layers: ReadonlySet<string>): string | null {
  const parts = weightName.split('/');
  for (let end = parts.length - 1; end > 0; end--) {
    const whole = parts.slice(0, end).join('/');
    if (layers.has(whole)) return whole;
    if (layers.has(parts[end - 1])) return parts[end - 1];
  }
  return null;
}

/** The kernel and bias shapes Keras gives a layer of this kind; null for kinds not listed. */
function shapesOf(
  kind: string,
  params: Record<string, unknown>,
  fanIn: number,
): Record<string, number[]> | null {
  const n = (k: string) => params[k] as number;
  switch (kind) {
    case 'Dense':
      return { kernel: [fanIn, n('units')], bias: [n('units')] };
    case 'Conv2D':
      return {
        kernel: [n('kernelSize'), n('kernelSize'), fanIn, n('filters')],
        bias: [n('filters')],
      };
    case 'Conv2DTranspose':
      return {
        kernel: [n('kernelSize'), n('kernelSize'), n('filters'), fanIn],
        bias: [n('filters')],
      };
    default:
      return null;
  }
}

/** The first kernel or bias whose shape is not the one its layer needs, in words; null if none. */
function shapeMisfit(
  graph: GraphDocument,
  nodeId: string,
  fanIn: number | undefined,
  layerWeights: [string, ImportedWeight][],
): string | null {
  const node = graph.nodes.find((n) => n.id === nodeId);
  if (!node || fanIn === undefined) return null;
  const shapes = shapesOf(node.kind, node.params, fanIn);
  if (!shapes) return null;
  for (const [name, w] of layerWeights) {
    const want = shapes[name.split('/').pop() ?? ''];
    if (want && want.join(',') !== w.shape.join(','))
      return `The weight '${name}' has the shape [${w.shape.join(', ')}] where its layer needs [${want.join(', ')}].`;
  }
  return null;
}

/**
 * Every weight belongs to a layer of the model, and each layer's weights hold exactly as many
 * numbers as the app counts for its node: a weight from another model, or of the wrong shape,
 * is refused rather than loaded into the wrong place.
 */
export function checkWeightsFit(
  graph: GraphDocument,
  nodeOfLayer: Record<string, string>,
  weights: Map<string, ImportedWeight>,
): Result<true> {
  if (weights.size === 0) return ok(true);
  const layers = new Set(Object.keys(nodeOfLayer));
  const held = new Map<string, number>();
  const byLayer = new Map<string, [string, ImportedWeight][]>();
  for (const [name, w] of weights) {
    const layer = layerOf(name, layers);
    if (layer === null)
      return fail('E_MODEL_FILE', `The weight '${name}' belongs to no layer of this model.`);
    held.set(layer, (held.get(layer) ?? 0) + w.values.length);
    byLayer.set(layer, [...(byLayer.get(layer) ?? []), [name, w]]);
  }
  const analysis = analyzeGraph(graph);
  for (const [layer, count] of held) {
    const id = nodeOfLayer[layer];
    const source = graph.edges.find((e) => e.target === id)?.source;
    const inShape = source === undefined ? null : analysis.nodes[source]?.shape;
    // A layer whose input shape the app cannot know (its diagnostics say why) has no count to hold.
    if (source !== undefined && !inShape) continue;
    const node = analysis.nodes[id];
    const expected = node ? node.trainableParams + node.nonTrainableParams : 0;
    if (count !== expected)
      return fail(
        'E_MODEL_FILE',
        `The weights of the layer '${layer}' hold ${count} numbers where the layer has ${expected}: they do not belong to this model.`,
      );
    const misfit = shapeMisfit(graph, id, inShape?.[inShape.length - 1], byLayer.get(layer)!);
    if (misfit) return fail('E_MODEL_FILE', misfit);
  }
  return ok(true);
}
