import type { GraphDocument } from '../../../../shared/graph/document';
import { createNode } from '../../../../shared/layers';
import { fail, ok, type Result } from '../../../../shared/contract/result';
import { freshNodeId } from '../../stores/graphEdits';
import { insertAfter, outgoingOf, byId } from './graphOps';

export const NOISE_KINDS = [
  'GaussianNoise',
  'Dropout',
  'MaskingNoise',
  'SaltAndPepperNoise',
] as const;
export type NoiseKind = (typeof NOISE_KINDS)[number];

/** What each noise does by default: damage that is visible but leaves the digit readable. */
const NOISE_PARAMS: Record<NoiseKind, Record<string, number>> = {
  GaussianNoise: { stddev: 0.2 },
  Dropout: { rate: 0.5 },
  MaskingNoise: {},
  SaltAndPepperNoise: {},
};

/** Makes a denoising autoencoder: damages the input right after the Input node while training. */
export function makeDenoising(
  doc: GraphDocument,
  noise: NoiseKind = 'GaussianNoise',
): Result<GraphDocument> {
  const inputs = doc.nodes.filter((n) => n.kind === 'Input');
  if (inputs.length !== 1) {
    return fail(
      'E_INVALID_GRAPH',
      'Make denoising needs exactly one Input: the noise goes right after it.',
    );
  }
  const input = inputs[0];
  const after = outgoingOf(doc, input.id).map((e) => byId(doc, e.target));
  const already = after.find((n) => n && (NOISE_KINDS as readonly string[]).includes(n.kind));
  if (already) {
    return fail(
      'E_INVALID_GRAPH',
      `The design is already denoising: ${already.kind} '${already.name}' damages the input. Change its strength in the inspector.`,
    );
  }
  const id = freshNodeId(doc, noise);
  const node = createNode(noise, id, input.position, noise === 'Dropout' ? 'dropout' : 'noise');
  Object.assign(node.params, NOISE_PARAMS[noise]);
  return ok(insertAfter(doc, input.id, node));
}
