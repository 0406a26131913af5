import { z } from 'zod';
import type { NodeKindName } from '../layers/kindNames';
import { isNodeKind, NODE_KINDS } from '../layers/registry';

/**
 * Every node kind: one descriptor file each in src/shared/layers/kinds, which names itself in
 * NodeKinds. A kind a switch does not handle fails the type check there.
 */
export type NodeKind = NodeKindName;
export { NODE_KINDS };

/** A kind this app has; checked when the document is read, after the registry has loaded. */
export const nodeKindSchema = z.custom<NodeKind>((v) => isNodeKind(v), {
  error: (issue) =>
    `Unknown node kind ${JSON.stringify(issue.input)}; this app knows ${NODE_KINDS.join(', ')}`,
});

/** A parameter value: what the inspector can edit. */
export const paramValueSchema = z.union([
  z.number(),
  z.string(),
  z.boolean(),
  z.null(),
  z.array(z.number()),
]);
export type ParamValue = z.infer<typeof paramValueSchema>;

export const positionSchema = z.object({ x: z.number(), y: z.number() });

export const graphNodeSchema = z.object({
  id: z.string().min(1).max(200),
  kind: nodeKindSchema,
  name: z.string().max(200),
  params: z.record(z.string(), paramValueSchema),
  position: positionSchema,
});
export type GraphNode = z.infer<typeof graphNodeSchema>;

export const graphEdgeSchema = z.object({
  id: z.string().min(1).max(400),
  source: z.string().min(1),
  target: z.string().min(1),
  /** The input port of the target: 'in' for single-input kinds, 'mean' / 'logVar' for Sampling. */
  targetPort: z.string().min(1).max(50),
});
export type GraphEdge = z.infer<typeof graphEdgeSchema>;

export const GRAPH_VERSION = 1;

export const graphDocumentSchema = z.object({
  version: z.literal(GRAPH_VERSION),
  nodes: z.array(graphNodeSchema).max(5000),
  edges: z.array(graphEdgeSchema).max(20000),
});
export type GraphDocument = z.infer<typeof graphDocumentSchema>;

/** A tensor shape without the batch dimension: [784] for flat, [28, 28, 1] for images. */
export type Shape = readonly number[];
