import type { GraphDocument } from '../graph/document';

/**
 * The same design with every ClassifierHead unfrozen, so all layers train: the from-scratch
 * baseline a reuse-encoder procedure compares the pretrained classifier with. Kept beside the
 * compiler because it is the one place that reads node params.
 */
export const withHeadsTrainable = (graph: GraphDocument): GraphDocument => ({
  ...graph,
  nodes: graph.nodes.map((n) =>
    n.kind === 'ClassifierHead' ? { ...n, params: { ...n.params, frozen: false } } : n,
  ),
});
