import { z } from 'zod';

/** A CSS hex colour only: anything else could smuggle markup into the SVG. */
export const hexColorSchema = z.string().regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/);

/** A small grey picture (a data sample or a reconstruction) to draw beside the diagram. */
export const samplePictureSchema = z
  .object({
    height: z.number().int().min(1).max(64),
    width: z.number().int().min(1).max(64),
    values: z.array(z.number().finite()).max(4096),
  })
  .strict();

/** How one layer looks in the picture only; the project itself is not changed. */
export const layerOverrideSchema = z
  .object({
    label: z.string().max(200).optional(),
    hidden: z.boolean().optional(),
    color: hexColorSchema.optional(),
  })
  .strict();
export type LayerOverride = z.infer<typeof layerOverrideSchema>;

export const diagramOptionsSchema = z
  .object({
    /** 'LR' flows left to right (slides); 'TB' top to bottom (papers, tall pages). */
    direction: z.enum(['LR', 'TB']).default('LR'),
    /** 'light' for slides and print; 'dark' matches the app. */
    theme: z.enum(['light', 'dark']).default('light'),
    /** 'colorblind' is Okabe-Ito; 'print' is grey with textures so it survives a black-and-white printer. */
    palette: z.enum(['default', 'colorblind', 'print']).default('default'),
    /** How a flat layer's height follows its number of values. */
    sizing: z.enum(['sqrt', 'log']).default('sqrt'),
    /** Draw the encoder, code and decoder outlines (the hourglass). */
    groups: z.boolean().default(true),
    legend: z.boolean().default(true),
    /** The units / filters / activation line under each layer. */
    details: z.boolean().default(true),
    /** The shape line under each layer. */
    shapes: z.boolean().default(true),
    title: z.string().max(300).nullable().default(null),
    /** Only these nodes (their ids); null draws the whole graph. */
    selection: z.array(z.string()).max(5000).nullable().default(null),
    overrides: z.record(z.string(), layerOverrideSchema).default({}),
    /** Put the graph document in <metadata> so the SVG opens again as a project. */
    embedGraph: z.boolean().default(true),
    /** 'boxes' (glyphs by shape), 'neurons' (NN-SVG: circles and edges, small dense nets), 'lenet' (stacks of feature maps). */
    style: z.enum(['boxes', 'neurons', 'lenet']).default('boxes'),
    /** No background: the picture (and its PNG) lies on the slide's own colour. */
    transparent: z.boolean().default(false),
    /** Sample pictures drawn at the input and the output (grey values in [0, 1], row after row). */
    samples: z
      .object({
        input: samplePictureSchema.nullable().default(null),
        output: samplePictureSchema.nullable().default(null),
      })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();

export type DiagramOptions = z.output<typeof diagramOptionsSchema>;
export type DiagramOptionsInput = z.input<typeof diagramOptionsSchema>;

export const DEFAULT_DIAGRAM_OPTIONS: DiagramOptions = diagramOptionsSchema.parse({});
