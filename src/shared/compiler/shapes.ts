import type { Diagnostic } from '../graph/messages';
import { LAYER_DESCRIPTORS } from '../layers/registry';
import { resolveParams } from '../layers/resolve';
import type { NodeInfo, ResolvedParams } from '../layers/types';
import type { GraphIndex } from './structure';

export interface ShapePass {
  info: Map<string, NodeInfo>;
  params: Map<string, ResolvedParams>;
}

/** Resolves params and infers every node's output shape in topological order. */
export function inferShapes(
  index: GraphIndex,
  order: string[],
  sources: Map<string, Record<string, string> | null>,
  diagnostics: Diagnostic[],
): ShapePass {
  const info = new Map<string, NodeInfo>();
  const params = new Map<string, ResolvedParams>();
  const lookup = (id: string): NodeInfo | null => {
    const known = info.get(id);
    if (known) return known;
    const node = index.nodes.get(id);
    if (!node) return null;
    // A node later in the order (or on a loop): known by its params only.
    return {
      node,
      label: index.labels.get(id)!,
      params: resolveParams(node).params,
      inputs: {},
      output: null,
    };
  };
  for (const id of order) {
    const node = index.nodes.get(id)!;
    const label = index.labels.get(id)!;
    const resolved = resolveParams(node);
    params.set(id, resolved.params);
    const entry: NodeInfo = { node, label, params: resolved.params, inputs: {}, output: null };
    info.set(id, entry);
    if (resolved.problems.length > 0) {
      diagnostics.push({
        code: 'E_PARAM',
        severity: 'error',
        nodeIds: [id],
        message: `${label}: ${resolved.problems.join('; ')}. Change it in the inspector.`,
      });
      continue;
    }
    const ports = sources.get(id);
    if (!ports) continue;
    let known = true;
    for (const [port, source] of Object.entries(ports)) {
      const shape = info.get(source)?.output;
      if (!shape) known = false;
      else entry.inputs[port] = shape;
    }
    if (!known) continue;
    const outcome = LAYER_DESCRIPTORS[node.kind].inferShape({
      inputs: entry.inputs,
      params: resolved.params,
      node,
      label,
      lookup,
    });
    if (outcome.ok) entry.output = outcome.shape;
    else {
      diagnostics.push({
        code: outcome.code,
        severity: 'error',
        nodeIds: outcome.nodeIds ?? [id],
        message: outcome.message,
      });
    }
  }
  return { info, params };
}
