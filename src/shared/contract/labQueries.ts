import { z } from 'zod';
import { graphDocumentSchema } from '../graph/document';
import { runMeasurementsSchema } from '../advisor/measurements';

const f32 = z.instanceof(Float32Array);
const runId = z.string().min(1).max(100);
const count = z.number().int().min(1).max(10000);
const shape = z.array(z.number().int().positive()).min(1).max(4);

/** A layer whose units can be picked in the unit inspector. */
export const unitLayerSchema = z.object({
  /** The Keras layer name (what the trainer knows it by). */
  layer: z.string().max(200),
  /** The name the person gave its node. */
  label: z.string().max(200),
  kind: z.string().max(50),
  units: z.number().int().positive(),
  /** Whether a unit's weights can be drawn as a picture of the input (or of the output). */
  weightImage: z.boolean(),
});
export type UnitLayer = z.infer<typeof unitLayerSchema>;

/** A unit's weights drawn as a picture: into it from the pixels, or from it to the pixels. */
export const unitWeightsSchema = z.object({
  direction: z.enum(['in', 'out']),
  values: f32,
  /** height, width (and channels when more than one). */
  shape,
});

export const unitReplySchema = z.object({
  layer: z.string(),
  unit: z.number().int().nonnegative(),
  /** Incoming and outgoing weight pictures, where the layer touches the pixels. */
  weights: z.array(unitWeightsSchema).max(2),
  /** The unit's activation on every sample sent (its mean over positions for a convolution). */
  activations: f32,
  /** The samples that activate it most, strongest first (indices into the samples sent). */
  top: z.array(z.number().int().nonnegative()).max(64),
  /** Reconstructions of the top samples as the model makes them, then with the unit turned off. */
  reconstructions: f32,
  ablated: f32,
  /** The output picture's shape. */
  imageShape: shape,
  /** The reconstruction loss on all samples sent, as trained and with the unit off. */
  lossBefore: z.number(),
  lossAfter: z.number(),
});
export type UnitReply = z.infer<typeof unitReplySchema>;

/** A run's views computed from its saved weights, for runs side by side. */
export const runViewsReplySchema = z.object({
  reconstructions: f32,
  imageShape: shape,
  /** First-layer weight pictures, one row of inputSize values per unit; null without a first Dense. */
  features: f32.nullable(),
  featureUnits: z.number().int().nonnegative(),
  codes: f32,
  codeSize: z.number().int().nonnegative(),
  count: z.number().int(),
});
export type RunViewsReply = z.infer<typeof runViewsReplySchema>;

/** Commands of the unit inspector, runs side by side and the advisor (spread into `commands`). */
export const labCommands = {
  /** The layers of a loaded model whose units can be inspected. */
  'model.unitLayers': {
    request: z.object({ runId }).strict(),
    reply: z.object({ layers: z.array(unitLayerSchema).max(500) }),
  },
  /** One unit: its weights, the samples that activate it most, and what turning it off does. */
  'model.unit': {
    request: z
      .object({
        runId,
        layer: z.string().min(1).max(200),
        unit: z.number().int().nonnegative(),
        /** Samples, one after another: count x inputSize values. */
        images: f32,
        count,
        top: z.number().int().min(1).max(64).default(8),
      })
      .strict(),
    reply: unitReplySchema,
  },
  /** What the advisor needs to know about a loaded model, measured on the samples sent. */
  'model.advise': {
    request: z.object({ runId, images: f32, count }).strict(),
    reply: runMeasurementsSchema,
  },
  /**
   * A run's reconstructions, first-layer features and codes of the samples sent, from the weights
   * its checkpoint keeps on this computer (the newest 20 runs), without replacing the loaded model.
   */
  'run.views': {
    request: z.object({ runId, images: f32, count }).strict(),
    reply: runViewsReplySchema,
  },
} as const;

const requestId = z.number().int();

/** Host -> trainer messages of the same (spread into `toTrainerSchema`). */
export const labToTrainer = [
  z.object({ type: z.literal('unitLayers'), requestId, runId }),
  z.object({
    type: z.literal('unit'),
    requestId,
    runId,
    layer: z.string().min(1).max(200),
    unit: z.number().int().nonnegative(),
    images: f32,
    count,
    top: z.number().int().min(1).max(64),
  }),
  z.object({ type: z.literal('advise'), requestId, runId, images: f32, count }),
  z.object({
    type: z.literal('runViews'),
    requestId,
    graph: graphDocumentSchema,
    tensors: z.array(
      z.object({ name: z.string(), shape: z.array(z.number().int().nonnegative()) }),
    ),
    weights: f32,
    images: f32,
    count,
  }),
] as const;

/** The replies the host checks them against. */
export const labTrainerReplies = {
  unitLayers: labCommands['model.unitLayers'].reply,
  unit: unitReplySchema,
  advise: runMeasurementsSchema,
  runViews: runViewsReplySchema,
} as const;
