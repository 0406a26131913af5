import type { GraphNode, NodeKind } from '../graph/document';
import { defaultParams } from './resolve';

export * from './types';
export { LAYER_DESCRIPTORS, NODE_KINDS, descriptorOfClass, isNodeKind } from './registry';
export { resolveParams, defaultParams, migrateParams } from './resolve';
export { ACTIVATIONS, sizeOf } from './params';
export { LOSSES } from './kinds/output';

/** A new node of the given kind with every param at its default. */
export function createNode(
  kind: NodeKind,
  id: string,
  position: { x: number; y: number },
  name?: string,
): GraphNode {
  return { id, kind, name: name ?? kind, params: defaultParams(kind), position: { ...position } };
}
