import type { GraphDocument } from '../../../shared/graph/document';

/** Noise kinds that corrupt a denoising chain's steps (Dropout is a regularizer, not the chain's). */
const CHAIN_NOISE = new Set(['GaussianNoise', 'MaskingNoise', 'SaltAndPepperNoise']);

/** The design is a denoising autoencoder whose chain can be walked. */
export const hasChainNoise = (doc: GraphDocument): boolean =>
  doc.nodes.some((n) => CHAIN_NOISE.has(n.kind));

/** The design has a winner-take-all code. */
export const hasWinners = (doc: GraphDocument): boolean =>
  doc.nodes.some(
    (n) => n.kind === 'Code' && (n.params?.winners === 'top-k' || n.params?.winners === 'lifetime'),
  );
