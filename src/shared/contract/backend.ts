import { z } from 'zod';

/** Which tfjs backend the trainer runs on. Its own file: commands and events both name it. */
export const backendInfoSchema = z.object({
  name: z.enum(['tensorflow-gpu', 'webgpu', 'tensorflow', 'wasm', 'cpu']),
  isGpu: z.boolean(),
  /** When no GPU runs: one sentence on how to get one. */
  hint: z.string().nullable(),
  /** When the app's faster training code is off (an untested tfjs release): why, in words. */
  notice: z.string().optional(),
  /** How many threads train and decode on the processor (wasm's thread pool); absent elsewhere. */
  threads: z.number().int().min(1).max(1024).optional(),
  /** The graphics adapter's name as its driver gives it (WebGPU), so a person knows which GPU. */
  adapter: z.string().max(200).optional(),
  /** The machine's optimized BLAS that multiplies matrices on the processor ("OpenBLAS"), if any. */
  blas: z.string().max(60).optional(),
});
export type BackendInfo = z.infer<typeof backendInfoSchema>;
