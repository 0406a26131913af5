import { z } from 'zod';
import { greyBase64 } from '../report/base64';

/**
 * The per-epoch reconstructions a run record keeps, so a training animation can be made after the
 * run: the newest epochs only, a few pictures each, as 8-bit grey. Bounded so a project file stays
 * small (a digit run: 30 epochs x 8 pictures x 784 bytes, about 250 KB of base64).
 */
export const MAX_SNAPSHOT_EPOCHS = 30;
export const MAX_SNAPSHOT_IMAGES = 8;
/** The largest picture kept: 64 x 64 grey values. */
const MAX_IMAGE_VALUES = 64 * 64;
const MAX_FRAME_BASE64 = Math.ceil((MAX_SNAPSHOT_IMAGES * MAX_IMAGE_VALUES) / 3) * 4;

export const snapshotFrameSchema = z.object({
  epoch: z.number().int().min(0),
  /** The epoch's validation loss (its training loss when there was no validation). */
  loss: z.number(),
  count: z.number().int().min(1).max(MAX_SNAPSHOT_IMAGES),
  /** count x (height x width) values in [0, 1] as bytes 0..255, in base64. */
  grey: z.string().max(MAX_FRAME_BASE64),
});
export type SnapshotFrame = z.infer<typeof snapshotFrameSchema>;

export const runSnapshotsSchema = z
  .object({
    /** The sample's shape, e.g. [784] or [28, 28, 1]. */
    sampleShape: z.array(z.number().int().min(1)).min(1).max(3),
    frames: z.array(snapshotFrameSchema).max(MAX_SNAPSHOT_EPOCHS),
  })
  .refine((s) => s.sampleShape.reduce((a, b) => a * b, 1) <= MAX_IMAGE_VALUES, {
    message: 'The kept pictures are larger than 64 x 64.',
  });
export type RunSnapshots = z.infer<typeof runSnapshotsSchema>;

/**
 * Adds one epoch's reconstructions to those kept: the first pictures only, the same epoch
 * replaced, the oldest dropped past the limit. Pictures too large to keep leave the list as it is.
 */
export function keepSnapshot(
  kept: RunSnapshots | null,
  snapshot: {
    epoch: number;
    loss: number;
    sampleShape: readonly number[];
    count: number;
    reconstructions: ArrayLike<number>;
  },
): RunSnapshots | null {
  const size = snapshot.sampleShape.reduce((a, b) => a * b, 1);
  if (size < 1 || size > MAX_IMAGE_VALUES || snapshot.sampleShape.length > 3) return kept;
  const count = Math.min(MAX_SNAPSHOT_IMAGES, snapshot.count);
  if (count < 1 || !Number.isFinite(snapshot.loss)) return kept;
  const values = Array.prototype.slice.call(snapshot.reconstructions, 0, count * size) as number[];
  const frame: SnapshotFrame = {
    epoch: snapshot.epoch,
    loss: snapshot.loss,
    count,
    grey: greyBase64(values),
  };
  // Another picture size (a new phase on other data) starts the list afresh.
  const sameShape = kept !== null && kept.sampleShape.join('x') === snapshot.sampleShape.join('x');
  const earlier = sameShape ? kept.frames.filter((f) => f.epoch !== snapshot.epoch) : [];
  return {
    sampleShape: [...snapshot.sampleShape],
    frames: [...earlier, frame].slice(-MAX_SNAPSHOT_EPOCHS),
  };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Grey bytes back from base64 (shared code may not use Node's Buffer). */
function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let n = 0;
  for (const ch of clean) {
    acc = (acc << 6) | ALPHABET.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 255;
    }
  }
  return out;
}

/** A kept frame's pictures as values in [0, 1], count x (height x width). */
export function frameImages(frame: SnapshotFrame): Float32Array {
  return Float32Array.from(fromBase64(frame.grey), (v) => v / 255);
}
