import { analyzeGraph } from '../compiler';
import type { GraphDocument } from '../graph/document';
import { resolveParams } from '../layers/resolve';

/** Kinds that pass values through unchanged at inference, so the code's activation is before them. */
const PASS_THROUGH = new Set([
  'Code',
  'Dropout',
  'GaussianNoise',
  'MaskingNoise',
  'SaltAndPepperNoise',
  'Flatten',
  'Reshape',
]);

/**
 * What squashes the code's values: the activation of the layer that makes the code ('sigmoid',
 * 'relu', 'linear', …), 'gaussian' for a VAE's sampled code, or null when no code is found.
 * Semantic hashing reads it: only a sigmoid code has a natural cut at 0.5.
 */
export function codeActivation(doc: GraphDocument): string | null {
  const codeId = analyzeGraph(doc).codeNodeId;
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  let node = codeId ? byId.get(codeId) : undefined;
  for (let steps = 0; node && steps < doc.nodes.length; steps++) {
    if (node.kind === 'Sampling') return 'gaussian';
    if (node.kind === 'Activation' || node.kind === 'Dense' || node.kind === 'TiedDense') {
      const activation = resolveParams(node).params.activation;
      return typeof activation === 'string' ? activation : null;
    }
    if (!PASS_THROUGH.has(node.kind)) return null;
    const id = node.id;
    node = byId.get(doc.edges.find((e) => e.target === id)?.source ?? '');
  }
  return null;
}
