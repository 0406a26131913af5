import { MESSAGES, type Diagnostic } from '../graph/messages';
import type { NodeInfo } from '../layers/types';
import { reach, type GraphIndex } from './structure';
import type { NodeRole } from './types';

const size = (s: number[]) => s.reduce((a, b) => a * b, 1);
/** Kinds with weights: the code sits after one of them and before another. */
const WEIGHTED = new Set(['Dense', 'TiedDense', 'Conv2D', 'Conv2DTranspose', 'ClassifierHead']);
/** Kinds that keep the code's values as they are, so the code extends through them. */
const CODE_FOLLOWERS = new Set(['Activation', 'BatchNormalization']);

/**
 * Which node is "the code": the Code node, else the Sampling node (VAE), else the narrowest layer
 * with learned layers both before and after it (the default model's Dense 32).
 */
export function findCodeNode(
  index: GraphIndex,
  order: string[],
  onPath: Set<string>,
  info: Map<string, NodeInfo>,
  diagnostics: Diagnostic[],
): string | null {
  for (const kind of ['Code', 'Sampling'] as const) {
    const found = order.filter((id) => onPath.has(id) && index.nodes.get(id)!.kind === kind);
    if (found.length > 1) {
      diagnostics.push({
        code: 'E_MANY_CODES',
        severity: 'error',
        nodeIds: found,
        message: MESSAGES.E_MANY_CODES(kind, found.length),
      });
    }
    if (found.length > 0) return found[0];
  }
  const heads = order.filter((id) => index.nodes.get(id)!.kind === 'ClassifierHead');
  const afterHead = reach(heads, (id) => index.outgoing.get(id) ?? []);
  const weighted = (id: string) => WEIGHTED.has(index.nodes.get(id)!.kind);
  const learnsBefore = new Set<string>();
  for (const id of order) {
    if (weighted(id) || index.incoming.get(id)!.some((e) => learnsBefore.has(e.source)))
      learnsBefore.add(id);
  }
  const learnsAfter = new Set<string>();
  for (const id of [...order].reverse()) {
    if (index.outgoing.get(id)!.some((n) => weighted(n) || learnsAfter.has(n))) learnsAfter.add(id);
  }
  let best: string | null = null;
  let bestSize = Infinity;
  for (const id of order) {
    const kind = index.nodes.get(id)!.kind;
    const shape = info.get(id)?.output;
    const between = learnsBefore.has(id) && learnsAfter.has(id);
    if (!onPath.has(id) || afterHead.has(id) || !between || kind === 'Output' || !shape) {
      continue;
    }
    if (size(shape) < bestSize) {
      best = id;
      bestSize = size(shape);
    }
  }
  while (best !== null) {
    const next = index.outgoing.get(best)!;
    if (next.length !== 1 || !CODE_FOLLOWERS.has(index.nodes.get(next[0])!.kind)) break;
    best = next[0];
  }
  return best;
}

/** Each node's part: before the code is the encoder, after it the decoder. */
export function assignRoles(
  index: GraphIndex,
  codeId: string | null,
): Map<string, NodeRole | null> {
  const roles = new Map<string, NodeRole | null>();
  const before = codeId
    ? reach([codeId], (id) => index.incoming.get(id)!.map((e) => e.source))
    : new Set<string>();
  const after = codeId ? reach([codeId], (id) => index.outgoing.get(id)!) : new Set<string>();
  for (const [id, node] of index.nodes) {
    let role: NodeRole | null = null;
    if (node.kind === 'Input') role = 'input';
    else if (node.kind === 'Output') role = 'output';
    else if (node.kind === 'ClassifierHead') role = 'head';
    else if (id === codeId) role = 'code';
    else if (before.has(id)) role = 'encoder';
    else if (after.has(id)) role = 'decoder';
    roles.set(id, role);
  }
  return roles;
}
