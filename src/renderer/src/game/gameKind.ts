import type { GameKind, PriorSpec } from '../../../shared/compiler/game';
import type { GraphDocument } from '../../../shared/graph/document';

/** A node's kind as a plain string: the game's kinds are looked up by name, whatever the registry. */
const kindOf = (node: GraphDocument['nodes'][number]): string => node.kind;

/**
 * Which game a design plays, read from its nodes: an Adversary makes it a game; with an Output
 * node (a reconstruction) it is an adversarial autoencoder, without one a GAN. Null otherwise.
 */
export function gameKindOf(doc: GraphDocument | null | undefined): GameKind | null {
  if (!doc || !doc.nodes.some((n) => kindOf(n) === 'Adversary')) return null;
  return doc.nodes.some((n) => kindOf(n) === 'Output') ? 'aae' : 'gan';
}

/** The Prior node's noise as the design states it (defaults where a param is missing). */
export function priorOf(doc: GraphDocument | null | undefined): PriorSpec | null {
  const node = doc?.nodes.find((n) => kindOf(n) === 'Prior');
  if (!node) return null;
  const { distribution, size, spread } = node.params;
  return {
    distribution: distribution === 'uniform' ? 'uniform' : 'normal',
    size: typeof size === 'number' && size > 0 ? size : 100,
    spread: typeof spread === 'number' && spread > 0 ? spread : 1,
  };
}
