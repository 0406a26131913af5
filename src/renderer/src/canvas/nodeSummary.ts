import type { GraphNode, ParamValue } from '../../../shared/graph/document';
import type { ParamSpec } from '../../../shared/layers/types';

/** A param's value, or its default when the node does not set it. */
export const paramValue = (node: GraphNode, key: string, spec: ParamSpec | undefined): ParamValue =>
  node.params[key] ?? spec?.default ?? null;

/** Numbers keep four significant digits so a weight like 1/784 stays short on the node. */
const show = (value: ParamValue): string => {
  if (Array.isArray(value)) return value.join('×');
  if (value === null) return '—';
  if (typeof value === 'number' && !Number.isInteger(value))
    return String(Number(value.toPrecision(4)));
  return String(value);
};

/**
 * The one line a node shows under its name: the params that tell layers apart at a glance
 * ("128 units · relu"). Units and activation read as words; other params as "Label value".
 */
export function summarizeParams(
  node: GraphNode,
  specs: Record<string, ParamSpec>,
  limit = 2,
): string {
  const parts: string[] = [];
  for (const [key, spec] of Object.entries(specs)) {
    if (parts.length >= limit) break;
    if (spec.type === 'boolean' || spec.type === 'nodeRef') continue;
    const value = paramValue(node, key, spec);
    if (key === 'units') parts.push(`${show(value)} units`);
    else if (key === 'activation' || spec.type === 'choice') parts.push(show(value));
    else parts.push(`${spec.label} ${show(value)}`);
  }
  return parts.join(' · ');
}
