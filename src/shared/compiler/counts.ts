import type { NodeInfo } from '../layers/types';
import { LAYER_DESCRIPTORS } from '../layers/registry';
import type { GraphIndex } from './structure';
import type { GraphAnalysis, NodeAnalysis, NodeRole } from './types';

/**
 * Each node's shape, role and parameter counts, and the totals Keras would print. Keras counts
 * the weights of frozen layers as non-trainable.
 */
export function countNodes(
  index: GraphIndex,
  info: Map<string, NodeInfo>,
  roles: Map<string, NodeRole | null>,
  frozen: Set<string>,
): Pick<GraphAnalysis, 'nodes' | 'totals'> {
  const nodes: Record<string, NodeAnalysis> = {};
  const totals = { trainable: 0, nonTrainable: 0, total: 0 };
  for (const [id, node] of index.nodes) {
    const entry = info.get(id);
    const shape = entry?.output ?? null;
    let count = { trainable: 0, nonTrainable: 0 };
    if (entry && shape) {
      count = LAYER_DESCRIPTORS[node.kind].countParams({
        inputs: entry.inputs,
        output: shape,
        params: entry.params,
      });
      if (frozen.has(id))
        count = { trainable: 0, nonTrainable: count.trainable + count.nonTrainable };
    }
    nodes[id] = {
      shape: shape ? [...shape] : null,
      trainableParams: count.trainable,
      nonTrainableParams: count.nonTrainable,
      role: roles.get(id) ?? null,
    };
    totals.trainable += count.trainable;
    totals.nonTrainable += count.nonTrainable;
  }
  totals.total = totals.trainable + totals.nonTrainable;
  return { nodes, totals };
}
