import { z } from 'zod';

/** Which tfjs backend the trainer runs on. Its own file: commands and events both name it. */
export const backendInfoSchema = z.object({
  name: z.enum(['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu']),
  isGpu: z.boolean(),
  /** When no GPU runs: one sentence on how to get one. */
  hint: z.string().nullable(),
  /** When the app's faster training code is off (an untested tfjs release): why, in words. */
  notice: z.string().optional(),
});
export type BackendInfo = z.infer<typeof backendInfoSchema>;
