import { z } from 'zod';

/** Where a data set comes from; the schema validates a request that crossed a process boundary. */
export const importSourceSchema = z.discriminatedUnion('kind', [
  // MNIST / Fashion-MNIST style files, raw or .gz, with an optional label file of the same format.
  z.object({
    kind: z.literal('idx'),
    imagesPath: z.string().min(1),
    labelsPath: z.string().min(1).optional(),
  }),
  // A NumPy array; labels may be a second .npy of whole numbers.
  z.object({
    kind: z.literal('npy'),
    path: z.string().min(1),
    labelsPath: z.string().min(1).optional(),
  }),
  // Numbers, one sample a row; the header is detected and a label column is chosen by name.
  z.object({
    kind: z.literal('csv'),
    path: z.string().min(1),
    labelColumn: z.string().min(1).optional(),
  }),
  // PNG or JPEG files; sub-folder names are the labels.
  z.object({
    kind: z.literal('imageFolder'),
    path: z.string().min(1),
    width: z.number().int().min(1).max(4096),
    height: z.number().int().min(1).max(4096),
    channels: z.union([z.literal(1), z.literal(3)]),
    /** 'auto' (default): area averaging when shrinking, bilinear when enlarging; 'off' refuses other sizes. */
    resize: z.enum(['auto', 'bilinear', 'area', 'off']).optional(),
  }),
]);
export const importOptionsSchema = z.object({
  /** 'unit' (default): into [0, 1]; 'standardize': zero mean and unit variance per feature. */
  scaling: z.enum(['unit', 'standardize', 'none']).optional(),
  /** Refuse files and arrays larger than this many bytes (default 2 GiB). */
  maxBytes: z.number().int().positive().optional(),
});
export type ImportSourceSpec = z.infer<typeof importSourceSchema>;
