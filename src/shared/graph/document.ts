import { z } from 'zod';

/** Every node kind of the catalogue (DESIGN.md). Adding one fails the type check wherever unhandled. */
export const NODE_KINDS = [
  'Input',
  'Dense',
  'TiedDense',
  'Activation',
  'Dropout',
  'GaussianNoise',
  'MaskingNoise',
  'SaltAndPepperNoise',
  'BatchNormalization',
  'Flatten',
  'Reshape',
  'Conv2D',
  'Conv2DTranspose',
  'MaxPooling2D',
  'UpSampling2D',
  'Code',
  'Sampling',
  'Output',
  'ClassifierHead',
] as const;

export const nodeKindSchema = z.enum(NODE_KINDS);
export type NodeKind = z.infer<typeof nodeKindSchema>;

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
