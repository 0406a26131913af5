import type { z } from 'zod';
import { importOptionsSchema, importSourceSchema } from '../../../../shared/contract/dataSources';

export { importOptionsSchema, importSourceSchema };

export type ImportSource = z.infer<typeof importSourceSchema>;
export type ImageFolderSource = Extract<ImportSource, { kind: 'imageFolder' }>;
export type ResizeMode = NonNullable<ImageFolderSource['resize']>;

export type ImportOptions = z.infer<typeof importOptionsSchema>;
export type Scaling = NonNullable<ImportOptions['scaling']>;

/** A data set in memory, ready for training. */
export interface ImportedDataset {
  name: string;
  /** count * prod(sampleShape) values, one sample after another. */
  images: Float32Array;
  /** [D] for vectors or [H, W, C] for images. */
  sampleShape: number[];
  count: number;
  labels: Int32Array | null;
  labelNames: string[] | null;
  /** What the reader detected and did on its own (an index column left out), in words. */
  notes?: string[];
}

/** What a reader gives before scaling. */
export interface RawDataset extends ImportedDataset {
  /** The values are bytes 0..255 (uint8 files, pictures), so scaling to [0, 1] divides by 255. */
  byteValued: boolean;
}

/** Limits every reader checks before it allocates memory. */
export interface ReadLimits {
  maxBytes: number;
}
