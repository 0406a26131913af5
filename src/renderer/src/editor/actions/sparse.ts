import { analyzeGraph } from '../../../../shared/compiler';
import type { GraphDocument } from '../../../../shared/graph/document';
import { createNode } from '../../../../shared/layers';
import { fail, ok, type Result } from '../../../../shared/contract/result';
import { freshNodeId, setParam } from '../../stores/graphEdits';
import { byId, insertAfter } from './graphOps';

export type Sparsity = 'l1' | 'kl';

/** The lecture notes' settings: L1 weight 1e-3; KL towards a 0.1 rate with weight 0.2. */
const SPARSITY_PARAMS: Record<Sparsity, Record<string, number | string>> = {
  l1: { sparsity: 'l1', sparsityWeight: 0.001 },
  kl: { sparsity: 'kl', sparsityWeight: 0.2, targetRate: 0.1 },
};

/**
 * Makes the code sparse: sets the sparsity of the Code node, or marks the bottleneck with a new
 * Code node. KL sparsity compares average activations with a rate, so the code layer gets a sigmoid.
 */
export function makeSparse(doc: GraphDocument, sparsity: Sparsity = 'l1'): Result<GraphDocument> {
  const analysis = analyzeGraph(doc);
  const codeId = analysis.codeNodeId;
  const code = codeId ? byId(doc, codeId) : undefined;
  if (!code) {
    return fail(
      'E_INVALID_GRAPH',
      'Make sparse needs a bottleneck: build an encoder and a decoder first, or add a Code node.',
    );
  }
  if (code.kind === 'Sampling') {
    return fail(
      'E_INVALID_GRAPH',
      'A variational autoencoder already shapes its code; it cannot also be made sparse.',
    );
  }
  let next = doc;
  let codeNodeId = code.id;
  if (code.kind !== 'Code') {
    codeNodeId = freshNodeId(doc, 'Code');
    next = insertAfter(doc, code.id, createNode('Code', codeNodeId, code.position, 'code'));
  }
  for (const [key, value] of Object.entries(SPARSITY_PARAMS[sparsity])) {
    next = setParam(next, codeNodeId, key, value);
  }
  if (sparsity === 'kl') {
    const feeding = next.edges.find((e) => e.target === codeNodeId);
    const layer = feeding ? byId(next, feeding.source) : undefined;
    if (layer && (layer.kind === 'Dense' || layer.kind === 'TiedDense')) {
      next = setParam(next, layer.id, 'activation', 'sigmoid');
    }
  }
  return ok(next);
}
