import { z } from 'zod';

const share = z.number().min(0).max(1);

/**
 * What the trainer measures on a finished run's model for the advisor (the 'advise' query): facts
 * about the data, the reconstructions, the code and, for a variational model, the KL per code
 * value. Plain numbers, so the rules that read them stay pure and testable without tfjs.
 */
export const runMeasurementsSchema = z.object({
  task: z.enum(['reconstruct', 'classify']),
  loss: z.enum(['binaryCrossentropy', 'mse', 'categoricalCrossentropy']),
  inputSize: z.number().int().positive(),
  codeSize: z.number().int().nonnegative(),
  /** How many validation samples were measured. */
  samples: z.number().int().nonnegative(),
  /** Share of input values within 0.1 of 0 or 1: near 1 for black-and-white pictures. */
  inputBinaryShare: share,
  /** Share of input values strictly between 0.1 and 0.9 (the grey ones). */
  inputGreyShare: share,
  /** Share of reconstructed values strictly between 0.1 and 0.9: many more than the input's is blur. */
  reconGreyShare: share,
  /** 1 - reconstruction MSE / input variance on the samples (1 is perfect, 0 no better than the mean). */
  reconR2: z.number(),
  /**
   * The same on uniform random noise of the data's range: a model that learnt the data cannot
   * rebuild noise; one that copies its input can. Null for a classifier.
   */
  noiseR2: z.number().nullable(),
  /** The code's units that give the same value for every sample (dead), by index. */
  deadCodeUnits: z.array(z.number().int().nonnegative()).max(100000),
  /** The activation of the layer that makes the code (relu, sigmoid, linear, …), when one is known. */
  codeActivation: z.string().max(50).nullable(),
  /** A variational model: the mean KL (nats per sample) of each code value; null otherwise. */
  klPerUnit: z.array(z.number()).max(100000).nullable(),
});
export type RunMeasurements = z.infer<typeof runMeasurementsSchema>;
