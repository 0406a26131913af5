import { z } from 'zod';
import { greyBase64 } from '../report/base64';

/**
 * What a run record keeps of an adversarial game (GAN, DCGAN, adversarial autoencoder), so its
 * figures survive a reload and an opened project: how the players stood after each epoch, the
 * fixed-noise samples of some epochs as 8-bit grey, and the mode-collapse warning if one came.
 *
 * Bounded so a project file stays small: 100 digits are 78,400 grey bytes (about 105 KB of
 * base64) a frame, so 12 frames are about 1.3 MB per run.
 */
export const MAX_GENERATED_FRAMES = 12;
/** The fixed-noise grid is 10 x 10. */
export const MAX_GENERATED_SAMPLES = 100;
/** The largest sample kept: 64 x 64 values (a 3-channel image counts its three values). */
const MAX_SAMPLE_VALUES = 64 * 64 * 3;
const MAX_FRAME_BASE64 = Math.ceil((MAX_GENERATED_SAMPLES * MAX_SAMPLE_VALUES) / 3) * 4;

const finite = z.number();

/** One epoch of the game, as the train.game event gave it. */
export const gameEpochSchema = z.object({
  epoch: z.number().int(),
  discriminatorLoss: finite,
  generatorLoss: finite,
  dReal: finite,
  dFake: finite,
  diversity: finite.nullable(),
});
export type GameEpoch = z.infer<typeof gameEpochSchema>;

export const generatedFrameSchema = z.object({
  epoch: z.number().int().min(0),
  /** count x sampleSize values in [0, 1] as bytes 0..255, in base64. */
  grey: z.string().max(MAX_FRAME_BASE64),
});
export type GeneratedFrame = z.infer<typeof generatedFrameSchema>;

export const generatedFramesSchema = z
  .object({
    sampleShape: z.array(z.number().int().min(1)).min(1).max(3),
    count: z.number().int().min(1).max(MAX_GENERATED_SAMPLES),
    frames: z.array(generatedFrameSchema).max(MAX_GENERATED_FRAMES),
  })
  .refine((g) => g.sampleShape.reduce((a, b) => a * b, 1) <= MAX_SAMPLE_VALUES, {
    message: 'The kept samples are larger than 64 x 64.',
  });
export type GeneratedFrames = z.infer<typeof generatedFramesSchema>;

export const runGameSchema = z.object({
  epochs: z.array(gameEpochSchema).max(100000),
  generated: generatedFramesSchema.nullable(),
  /** The mode-collapse warning, when the trainer sent one. */
  collapse: z.object({ epoch: z.number().int(), message: z.string().max(2000) }).nullable(),
});
export type RunGame = z.infer<typeof runGameSchema>;

export const EMPTY_GAME: RunGame = { epochs: [], generated: null, collapse: null };

/**
 * Adds one epoch's fixed-noise samples to those kept: the first 100 samples, the same epoch
 * replaced, and past the limit the oldest dropped but the first epoch kept (the slider then still
 * shows where the game began). Samples too large to keep leave the list as it is.
 */
export function keepGenerated(
  kept: GeneratedFrames | null,
  generated: {
    epoch: number;
    sampleShape: readonly number[];
    count: number;
    samples: ArrayLike<number>;
  },
): GeneratedFrames | null {
  const size = generated.sampleShape.reduce((a, b) => a * b, 1);
  if (size < 1 || size > MAX_SAMPLE_VALUES || generated.sampleShape.length > 3) return kept;
  const count = Math.min(MAX_GENERATED_SAMPLES, generated.count);
  if (count < 1 || generated.samples.length < count * size) return kept;
  const values = Array.prototype.slice.call(generated.samples, 0, count * size) as number[];
  const frame: GeneratedFrame = { epoch: generated.epoch, grey: greyBase64(values) };
  const same =
    kept !== null &&
    kept.count === count &&
    kept.sampleShape.join('x') === generated.sampleShape.join('x');
  const earlier = same ? kept.frames.filter((f) => f.epoch !== generated.epoch) : [];
  const all = [...earlier, frame].sort((a, b) => a.epoch - b.epoch);
  const frames =
    all.length <= MAX_GENERATED_FRAMES
      ? all
      : [all[0], ...all.slice(all.length - (MAX_GENERATED_FRAMES - 1))];
  return { sampleShape: [...generated.sampleShape], count, frames };
}
