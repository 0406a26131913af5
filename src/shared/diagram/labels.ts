import type { GraphNode } from '../graph/document';
import { formatShape } from '../graph/messages';
import { LAYER_DESCRIPTORS } from '../layers/registry';
import { resolveParams } from '../layers/resolve';

export { short } from '../layers/words';

/**
 * The detail line under a layer: what a reader of the slide needs to rebuild it (units or
 * filters, window, activation), not every parameter. Each kind writes its own.
 */
export function detailLine(node: GraphNode): string {
  return LAYER_DESCRIPTORS[node.kind].diagram.detail(resolveParams(node).params);
}

/** The name line: the picture-only label when given, else the node's name, else its kind. */
export const nameLine = (node: GraphNode, override?: string): string =>
  override?.trim() || node.name.trim() || node.kind;

/** The shape line: "28×28×16", or "?" when the graph cannot know it yet. */
export const shapeLine = (shape: readonly number[] | null): string =>
  shape ? formatShape(shape) : '?';
