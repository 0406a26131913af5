import { analyzeGraph } from '../../../../shared/compiler';
import type { GraphDocument, GraphNode } from '../../../../shared/graph/document';
import { nodeLabel } from '../../../../shared/graph/messages';
import { createNode, sizeOf } from '../../../../shared/layers';
import { fail, ok, type Result } from '../../../../shared/contract/result';
import { freshNodeId } from '../../stores/graphEdits';
import { byId, COLUMN, incomingOf, makeEdge, outgoingOf, shiftRightOf } from './graphOps';

/** The Dense layer that makes the code, and the Code marker after it if there is one. */
function codeLayer(
  doc: GraphDocument,
  codeId: string,
): { dense: GraphNode; marker: GraphNode | null } | null {
  const code = byId(doc, codeId);
  if (!code) return null;
  if (code.kind === 'Dense') return { dense: code, marker: null };
  if (code.kind !== 'Code') return null;
  const before = incomingOf(doc, code.id)[0];
  const dense = before ? byId(doc, before.source) : undefined;
  return dense?.kind === 'Dense' ? { dense, marker: code } : null;
}

/**
 * Makes a variational autoencoder: the code layer splits into a mean and a log-variance of the
 * same size, and a Sampling node draws the code from them. The latent loss is weighted by one over
 * the input size, as the reconstruction loss averages over every input value.
 */
export function makeVariational(doc: GraphDocument): Result<GraphDocument> {
  if (doc.nodes.some((n) => n.kind === 'Sampling')) {
    return fail('E_INVALID_GRAPH', 'The design is already variational: it has a Sampling node.');
  }
  const analysis = analyzeGraph(doc);
  const found = analysis.codeNodeId ? codeLayer(doc, analysis.codeNodeId) : null;
  if (!found) {
    return fail(
      'E_INVALID_GRAPH',
      'Make variational needs a Dense layer as the bottleneck between an encoder and a decoder. Build those first (or mirror an encoder).',
    );
  }
  const { dense, marker } = found;
  const feed = incomingOf(doc, dense.id)[0];
  if (!feed) {
    return fail(
      'E_INVALID_GRAPH',
      `${nodeLabel(dense.kind, dense.name, dense.id)} needs a layer before it.`,
    );
  }
  const last = marker ?? dense;
  const inputShape = analysis.nodes[doc.nodes.find((n) => n.kind === 'Input')?.id ?? '']?.shape;
  const units = dense.params.units ?? 32;
  const gone = new Set([dense.id, last.id]);
  const successors = outgoingOf(doc, last.id);

  const meanId = freshNodeId(doc, 'Dense');
  const logVarId = freshNodeId(doc, 'Dense', new Set([meanId]));
  const samplingId = freshNodeId(doc, 'Sampling');
  let next = shiftRightOf(doc, dense.position.x);
  next = {
    ...next,
    // A tied decoder layer that mirrored the code layer now mirrors the mean, which has its weights' shape.
    nodes: next.nodes
      .filter((n) => !gone.has(n.id))
      .map((n) =>
        n.kind === 'TiedDense' && n.params.partner === dense.id
          ? { ...n, params: { ...n.params, partner: meanId } }
          : n,
      ),
    edges: next.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target)),
  };
  const { x, y } = dense.position;
  const mean = createNode('Dense', meanId, { x, y: y - 70 }, 'mean');
  const logVar = createNode('Dense', logVarId, { x, y: y + 70 }, 'log variance');
  for (const n of [mean, logVar]) Object.assign(n.params, { units, activation: 'linear' });
  const sampling = createNode('Sampling', samplingId, { x: x + COLUMN, y }, 'sampling');
  sampling.params.beta = inputShape ? 1 / sizeOf(inputShape) : 1;
  next = {
    ...next,
    nodes: [...next.nodes, mean, logVar, sampling],
    edges: [
      ...next.edges,
      makeEdge(feed.source, meanId),
      makeEdge(feed.source, logVarId),
      makeEdge(meanId, samplingId, 'mean'),
      makeEdge(logVarId, samplingId, 'logVar'),
      ...successors.map((e) => makeEdge(samplingId, e.target, e.targetPort)),
    ],
  };
  return ok(next);
}
